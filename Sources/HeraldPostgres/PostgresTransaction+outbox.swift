import Foundation
import HeraldCore

/// The mail outbox on PostgreSQL.
extension PostgresTransaction {
    func enqueueMail(_ d: OutboxDraft) async throws -> Int64 {
        let rows = try await run(
            Q.enqueueMail,
            [
                .text(d.kind.rawValue), .optionalInteger(d.subscriberID), .optionalText(d.throttleKey),
                .text(d.mail.sender), .text(try Self.encodeRecipients(d.mail.recipients)),
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

    func claimDueMail(now: Date, limit: Int, leaseUntil: Date) async throws -> [OutboxMessage] {
        try await run(Q.claimDueMail, [.date(leaseUntil), .date(now), .integer(Int64(limit))])
            .map(Self.outboxMessage(from:))
            .sorted { $0.id < $1.id }
    }

    func markMailSent(id: Int64, at time: Date, reply: String) async throws {
        let updated = try await run(Q.markMailSent, [.date(time), .text(reply), .integer(id)])
        guard updated.count == 1 else { throw StoreError.notFound("outbox message \(id)") }
    }

    func markMailRetry(id: Int64, attempts: Int, nextAttemptAt: Date, result: String) async throws {
        try await run(Q.markMailRetry, [.integer(Int64(attempts)), .date(nextAttemptAt), .text(result), .integer(id)])
    }

    func markMailFailed(id: Int64, attempts: Int, at time: Date, result: String) async throws {
        try await run(Q.markMailFailed, [.integer(Int64(attempts)), .text(result), .integer(id)])
    }

    func outboxMessage(id: Int64) async throws -> OutboxMessage? {
        try await run(Q.outboxByID, [.integer(id)]).first.map(Self.outboxMessage(from:))
    }

    func outboxSummary() async throws -> OutboxSummary {
        var counts: [OutboxState: Int] = [:]
        for row in try await run(Q.outboxCounts) {
            if let state = OutboxState(rawValue: row.string(0) ?? "") { counts[state] = Int(row.int(1) ?? 0) }
        }
        let oldest = try await run(Q.oldestPendingMail).first?.date(0)
        return OutboxSummary(counts: counts, oldestPendingCreatedAt: oldest)
    }

    private static func encodeRecipients(_ recipients: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(recipients), as: UTF8.self)
    }

    private static func outboxMessage(from row: PostgresStoredRow) -> OutboxMessage {
        let recipients = (try? JSONDecoder().decode([String].self, from: Data((row.string(5) ?? "[]").utf8))) ?? []
        let mail = OutgoingMail(
            sender: row.string(4) ?? "", recipients: recipients, requiresSMTPUTF8: row.bool(6) ?? false,
            data: row.bytes(7))
        return OutboxMessage(
            id: row.int(0) ?? 0, kind: MailKind(rawValue: row.string(1) ?? "") ?? .other, subscriberID: row.int(2),
            throttleKey: row.string(3), mail: mail, state: OutboxState(rawValue: row.string(8) ?? "") ?? .pending,
            attempts: Int(row.int(9) ?? 0), createdAt: row.date(10) ?? .distantPast,
            nextAttemptAt: row.date(11) ?? .distantPast, lastResult: row.string(12), sentAt: row.date(13))
    }
}
