import HeraldCore

extension StoreBackend {
    /// A fresh, migrated store of this backend holding `Fixtures.newsletters` and nothing else.
    public func makeWithNewsletters() async throws -> any SubscriberStore {
        let store = try await make()
        try await store.transaction { tx in
            for newsletter in Fixtures.newsletters { try await tx.upsertNewsletter(newsletter) }
        }
        return store
    }
}
