import Foundation

extension WebhookDelivery: LeasedItem {}

/// The webhook outbox as a ``LeasedQueue``.
public struct WebhookQueue: LeasedQueue {
    public typealias Operations = any WebhookOperations

    public var kind: LeasedQueueKind { .webhooks }

    public init() {}

    public func claim(owner: String, now: Date, limit: Int, leaseUntil: Date, in tx: Operations) async throws
        -> [WebhookDelivery]
    {
        try await tx.claimDueWebhooks(owner: owner, now: now, limit: limit, leaseUntil: leaseUntil)
    }

    public func markDone(
        _ item: WebhookDelivery, owner: String, attempts: Int, at time: Date, result: String, in tx: Operations
    ) async throws -> Bool {
        try await tx.markWebhookDelivered(id: item.id, owner: owner, attempts: attempts, at: time, result: result)
    }

    public func markRetry(
        _ item: WebhookDelivery, owner: String, attempts: Int, nextAttemptAt: Date, result: String, in tx: Operations
    ) async throws -> Bool {
        try await tx.markWebhookRetry(
            id: item.id, owner: owner, attempts: attempts, nextAttemptAt: nextAttemptAt, result: result)
    }

    public func markFailed(
        _ item: WebhookDelivery, owner: String, attempts: Int, at time: Date, result: String, in tx: Operations
    ) async throws -> Bool {
        try await tx.markWebhookFailed(id: item.id, owner: owner, attempts: attempts, result: result)
    }
}
