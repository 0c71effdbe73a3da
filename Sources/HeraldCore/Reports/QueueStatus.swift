import Foundation

/// What ``QueueStatus`` reads: the outbox and the webhook queue.
public typealias QueueStatusOperations = OutboxOperations & WebhookOperations

/// How much mail and how many webhook events wait, are in flight or failed: read for the
/// `/metrics` page, the console, `herald outbox`/`herald webhooks` and the shutdown log.
public struct QueueStatus: Sendable {
    let store: ScopedStore<any QueueStatusOperations>

    public init(store: any SubscriberStore) {
        self.store = ScopedStore(store) { $0 }
    }

    /// The outbox's rows per state, and its oldest unsent mail.
    public func outbox() async throws -> OutboxSummary {
        try await store.transaction { try await $0.outboxSummary() }
    }

    /// The webhook deliveries per state.
    public func webhooks() async throws -> [WebhookDeliveryState: Int] {
        try await store.transaction { try await $0.webhookSummary() }
    }

    /// Both, read in one transaction (one consistent moment).
    public func outboxAndWebhooks() async throws -> (outbox: OutboxSummary, webhooks: [WebhookDeliveryState: Int]) {
        try await store.transaction { tx in (try await tx.outboxSummary(), try await tx.webhookSummary()) }
    }

    /// Outbox mail `id`, in whatever state it is; nil when there is none.
    public func outboxMessage(id: Int64) async throws -> OutboxMessage? {
        try await store.transaction { try await $0.outboxMessage(id: id) }
    }
}
