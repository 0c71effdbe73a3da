import Foundation

/// The one reminder an unconfirmed signup gets.
///
/// Contract: ``dueReminders(createdBefore:now:limit:)`` lists confirm tokens that are unused, not
/// expired at `now`, created at or before `createdBefore`, never reminded, and the newest confirm
/// token of their subscriber — oldest first, at most `limit`. ``claimReminder(hash:replacement:at:)``
/// marks a token reminded only if it is still unused and unreminded, so of several processes
/// claiming one token exactly one gets `true`; with a `replacement`, the claimed token expires at
/// `time` (its link stops working) and the replacement is inserted already marked reminded (it is
/// never reminded itself).
public protocol ReminderOperations: Sendable {
    /// Confirm tokens due a reminder, oldest first.
    func dueReminders(createdBefore: Date, now: Date, limit: Int) async throws -> [TokenRecord]
    /// Marks `hash` reminded (expiring it and inserting `replacement` when given); false when it
    /// was used or reminded already.
    func claimReminder(hash: String, replacement: TokenRecord?, at time: Date) async throws -> Bool
}
