import Foundation

/// The webhook outbox: one row per (event, endpoint), delivered at least once by lease-holding workers.
///
/// Every `mark…` call names the claim owner and changes nothing (returning false) when the row is
/// no longer claimed by that owner, so a worker whose lease expired cannot overwrite the outcome
/// of the worker that took the row over. A delivered row is never claimed again.
public protocol WebhookOperations: Sendable {
    /// Queues one delivery; throws `.duplicate` when (event id, endpoint) exists.
    func enqueueWebhook(_ draft: WebhookDraft) async throws -> Int64
    /// Claims up to `limit` due rows for `owner`: pending with `nextAttemptAt <= now`, or `sending`
    /// whose lease expired. Claimed rows become `sending` until `leaseUntil`. Ordered by id.
    func claimDueWebhooks(owner: String, now: Date, limit: Int, leaseUntil: Date) async throws -> [WebhookDelivery]
    /// Records a 2xx answer; false when `owner` no longer holds the claim.
    func markWebhookDelivered(id: Int64, owner: String, attempts: Int, at time: Date, result: String) async throws
        -> Bool
    /// Puts a claimed row back to `pending` for another attempt at `nextAttemptAt`.
    func markWebhookRetry(id: Int64, owner: String, attempts: Int, nextAttemptAt: Date, result: String) async throws
        -> Bool
    /// Gives up on a claimed row.
    func markWebhookFailed(id: Int64, owner: String, attempts: Int, result: String) async throws -> Bool
    /// The delivery with this id, if any.
    func webhookDelivery(id: Int64) async throws -> WebhookDelivery?
    /// Every delivery of one event, ordered by id.
    func webhookDeliveries(eventID: String) async throws -> [WebhookDelivery]
    /// Deletes every delivery about this subscriber (erasure: the bodies hold the address); returns how many.
    @discardableResult
    func deleteWebhookDeliveries(subscriberID: Int64) async throws -> Int
    /// Counts by state.
    func webhookSummary() async throws -> [WebhookDeliveryState: Int]
}
