import Foundation
import HeraldCore

/// Signup reminders on SQLite (transactions run one at a time, so a claim is exclusive).
extension SQLiteTransaction {
    func dueReminders(createdBefore: Date, now: Date, limit: Int) async throws -> [TokenRecord] {
        try connection.query(Q.dueReminders, [.date(createdBefore), .date(now), .integer(Int64(limit))])
            .map(TokenRecord.init(stored:))
    }

    func claimReminder(hash: String, replacement: TokenRecord?, at time: Date) async throws -> Bool {
        guard let replacement else {
            try connection.query(Q.claimReminderKeepingLink, [.date(time), .text(hash)])
            return connection.changes == 1
        }
        try connection.query(Q.claimReminderEndingLink, [.date(time), .date(time), .text(hash)])
        guard connection.changes == 1 else { return false }
        try await insertToken(replacement)
        try connection.query(Q.markTokenReminded, [.date(time), .text(replacement.hash)])
        return true
    }
}
