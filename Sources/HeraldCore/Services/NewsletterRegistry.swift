import Foundation

/// Keeps the store's newsletter rows in step with the configuration.
public struct NewsletterRegistry: Sendable {
    let store: ScopedStore<any NewsletterOperations>

    public init(store: any SubscriberStore) {
        self.store = ScopedStore(store) { $0 }
    }

    /// Inserts or updates every newsletter of `newsletters`, in one transaction (at start-up,
    /// before anything refers to them).
    public func register(_ newsletters: [Newsletter]) async throws {
        try await store.transaction { tx in
            for newsletter in newsletters { try await tx.upsertNewsletter(newsletter) }
        }
    }
}
