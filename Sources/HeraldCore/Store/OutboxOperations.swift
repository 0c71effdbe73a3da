import Foundation

/// The durable mail outbox: mails are queued in the transaction of the change that causes them
/// and sent later by the outbox worker.
public protocol OutboxOperations: Sendable {
    /// Queues a mail; returns its outbox id.
    func enqueueMail(_ draft: OutboxDraft) async throws -> Int64
    /// Number of mails of `kind` queued for `throttleKey` at or after `since` (any state).
    func mailCount(throttleKey: String, kind: MailKind, since: Date) async throws -> Int
    /// Claims up to `limit` mails that are due: pending with `nextAttemptAt <= now`, or `sending`
    /// whose lease (`nextAttemptAt`) expired. Claimed rows become `sending` until `leaseUntil`.
    func claimDueMail(now: Date, limit: Int, leaseUntil: Date) async throws -> [OutboxMessage]
    /// Records acceptance by the server; the row is never sent again.
    func markMailSent(id: Int64, at time: Date, reply: String) async throws
    /// Puts a claimed row back to `pending` for another attempt at `nextAttemptAt`.
    func markMailRetry(id: Int64, attempts: Int, nextAttemptAt: Date, result: String) async throws
    /// Gives up on a row.
    func markMailFailed(id: Int64, attempts: Int, at time: Date, result: String) async throws
    /// The outbox row with this id, if any.
    func outboxMessage(id: Int64) async throws -> OutboxMessage?
    /// Counts by state and the oldest pending mail's creation time.
    func outboxSummary() async throws -> OutboxSummary
}
