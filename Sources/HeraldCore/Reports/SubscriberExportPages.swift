import Foundation

/// The subscriptions an export writes, read page by page (each page in its own transaction, so
/// memory stays flat however long the list).
public struct SubscriberExportPages: Sendable {
    let store: ScopedStore<any SubscriberImportOperations>

    public init(store: any SubscriberStore) {
        self.store = ScopedStore(store) { $0 }
    }

    /// Every attribute name among the subscribers the export covers.
    public func attributeNames(newsletter: String?, status: SubscriptionStatus?) async throws -> [String] {
        try await store.transaction { try await $0.exportAttributeNames(newsletter: newsletter, status: status) }
    }

    /// Up to `limit` subscriptions after (`afterSubscriberID`, `afterNewsletter`), in that order.
    public func page(
        newsletter: String?, status: SubscriptionStatus?, afterSubscriberID: Int64, afterNewsletter: String,
        limit: Int
    ) async throws -> [SubscriberExportRow] {
        try await store.transaction { tx in
            try await tx.exportPage(
                newsletter: newsletter, status: status, afterSubscriberID: afterSubscriberID,
                afterNewsletter: afterNewsletter, limit: limit)
        }
    }
}
