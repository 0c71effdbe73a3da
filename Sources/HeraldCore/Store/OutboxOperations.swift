import Foundation

/// The durable mail outbox: mails are queued in the transaction of the change that causes them
/// and sent later by the outbox worker.
///
/// Claims name an owner (one per worker process); leases are renewed through
/// ``LeasedQueueOperations`` (kind `.outbox`). Renewing a lease and every `markMail…` call
/// change nothing and return false unless the row is still `sending` and claimed by that owner,
/// so a worker whose lease expired cannot overwrite the outcome of the worker that took the row
/// over, and a worker that lost a row before sending it does not send it.
public protocol OutboxOperations: Sendable {
    /// Queues a mail; returns its outbox id.
    func enqueueMail(_ draft: OutboxDraft) async throws -> Int64
    /// Number of mails of `kind` queued for `throttleKey` at or after `since` (any state).
    func mailCount(throttleKey: String, kind: MailKind, since: Date) async throws -> Int
    /// Claims up to `limit` mails that are due for `owner`: pending with `nextAttemptAt <= now`, or
    /// `sending` whose lease (`nextAttemptAt`) expired. Claimed rows become `sending` until `leaseUntil`.
    func claimDueMail(owner: String, now: Date, limit: Int, leaseUntil: Date) async throws -> [OutboxMessage]
    /// Records acceptance by the server; the row is never sent again. False when `owner` no
    /// longer holds the claim (nothing changes).
    func markMailSent(id: Int64, owner: String, at time: Date, reply: String) async throws -> Bool
    /// Puts a claimed row back to `pending` for another attempt at `nextAttemptAt`.
    @discardableResult
    func markMailRetry(id: Int64, owner: String, attempts: Int, nextAttemptAt: Date, result: String) async throws
        -> Bool
    /// Gives up on a claimed row.
    @discardableResult
    func markMailFailed(id: Int64, owner: String, attempts: Int, at time: Date, result: String) async throws -> Bool
    /// The outbox row with this id, if any.
    func outboxMessage(id: Int64) async throws -> OutboxMessage?
    /// Counts by state and the oldest pending mail's creation time.
    func outboxSummary() async throws -> OutboxSummary
}
