import Foundation
import HeraldCore

/// The mail outbox on PostgreSQL.
extension PostgresTransaction {
    func enqueueMail(_ d: OutboxDraft) async throws -> Int64 {
        let rows = try await run(
            Q.enqueueMail,
            [
                .text(d.kind.rawValue), .optionalInteger(d.subscriberID), .optionalText(d.throttleKey),
                .text(d.mail.sender), .text(try OutboxMessage.storedRecipients(d.mail.recipients)),
                .bool(d.mail.requiresSMTPUTF8), .bytes(d.mail.data), .date(d.createdAt),
            ])
        guard let id = rows.first?.int(0) else { throw StoreError.corrupt("outbox insert returned no id") }
        return id
    }

    func mailCount(throttleKey: String, kind: MailKind, since: Date) async throws -> Int {
        Int(
            try await run(Q.countMailForKey, [.text(throttleKey), .text(kind.rawValue), .date(since)])
                .first?.int(0) ?? 0)
    }

    func claimDueMail(owner: String, now: Date, limit: Int, leaseUntil: Date) async throws -> [OutboxMessage] {
        try await run(Q.claimDueMail, [.date(leaseUntil), .date(now), .integer(Int64(limit)), .text(owner)])
            .map(OutboxMessage.init(stored:))
            .sorted { $0.id < $1.id }
    }

    func markMailSent(id: Int64, owner: String, at time: Date, reply: String) async throws -> Bool {
        try await run(Q.markMailSent, [.date(time), .text(reply), .integer(id), .text(owner)]).count == 1
    }

    func markMailRetry(id: Int64, owner: String, attempts: Int, nextAttemptAt: Date, result: String) async throws
        -> Bool
    {
        try await run(
            Q.markMailRetry,
            [.integer(Int64(attempts)), .date(nextAttemptAt), .text(result), .integer(id), .text(owner)]
        ).count == 1
    }

    func markMailFailed(id: Int64, owner: String, attempts: Int, at time: Date, result: String) async throws -> Bool {
        try await run(
            Q.markMailFailed, [.integer(Int64(attempts)), .text(result), .integer(id), .text(owner), .date(time)]
        ).count == 1
    }

    func outboxMessage(id: Int64) async throws -> OutboxMessage? {
        try await run(Q.outboxByID, [.integer(id)]).first.map(OutboxMessage.init(stored:))
    }

    func outboxSummary() async throws -> OutboxSummary {
        let counts: [OutboxState: Int] = try await run(Q.outboxCounts).countsByState()
        let oldest = try await run(Q.oldestPendingMail).first?.date(0)
        return OutboxSummary(counts: counts, oldestPendingCreatedAt: oldest)
    }
}
