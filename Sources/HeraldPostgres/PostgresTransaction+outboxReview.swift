import Foundation
import HeraldCore

/// The operator's outbox review on PostgreSQL; a failed row's `next_attempt_at` is when it failed.
extension PostgresTransaction {
    func mailNeedingAttention(beforeID: Int64?, limit: Int) async throws -> [OutboxMessage] {
        try await run(Q.mailNeedingAttention, [.integer(beforeID ?? .max), .integer(Int64(limit))])
            .map(OutboxMessage.init(stored:))
    }

    func retryMail(id: Int64, at now: Date) async throws -> Bool {
        try await run(Q.retryMail, [.date(now), .integer(id)]).count == 1
    }

    func discardMail(id: Int64, at time: Date) async throws -> Bool {
        try await run(Q.discardMail, [.date(time), .integer(id)]).count == 1
    }

    func forgetFailedMail(before cutoff: Date) async throws -> Int {
        try await run(Q.forgetFailedMail, [.date(cutoff)]).count
    }
}
