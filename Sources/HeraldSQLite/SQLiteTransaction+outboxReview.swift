import Foundation
import HeraldCore

/// The operator's outbox review on SQLite; a failed row's `next_attempt_at` is when it failed.
extension SQLiteTransaction {
    func mailNeedingAttention(beforeID: Int64?, limit: Int) async throws -> [OutboxMessage] {
        try connection.query(Q.mailNeedingAttention, [.integer(beforeID ?? .max), .integer(Int64(limit))])
            .map(OutboxMessage.init(stored:))
    }

    func retryMail(id: Int64, at now: Date) async throws -> Bool {
        try connection.query(Q.retryMail, [.date(now), .integer(id)])
        return connection.changes == 1
    }

    func discardMail(id: Int64, at time: Date) async throws -> Bool {
        try connection.query(Q.discardMail, [.date(time), .date(time), .integer(id)])
        return connection.changes == 1
    }

    func forgetFailedMail(before cutoff: Date) async throws -> Int {
        try connection.query(Q.forgetFailedMail, [.date(cutoff)])
        return connection.changes
    }
}
