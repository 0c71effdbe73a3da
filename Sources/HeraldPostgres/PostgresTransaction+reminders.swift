import Foundation
import HeraldCore

/// Signup reminders on PostgreSQL: the claim is one conditional UPDATE, so of several processes
/// claiming one token exactly one changes the row.
extension PostgresTransaction {
    func dueReminders(createdBefore: Date, now: Date, limit: Int) async throws -> [TokenRecord] {
        try await run(Q.dueReminders, [.date(createdBefore), .date(now), .integer(Int64(limit))])
            .map(TokenRecord.init(stored:))
    }

    func claimReminder(hash: String, replacement: TokenRecord?, at time: Date) async throws -> Bool {
        guard let replacement else {
            return try await run(Q.claimReminderKeepingLink, [.date(time), .text(hash)]).count == 1
        }
        guard try await run(Q.claimReminderEndingLink, [.date(time), .text(hash)]).count == 1 else { return false }
        try await insertToken(replacement)
        _ = try await run(Q.markTokenReminded, [.date(time), .text(replacement.hash)])
        return true
    }
}
