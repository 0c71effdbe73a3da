import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The promises every store backend keeps about `SubscriberOperations`.
@Suite("Store contract: SubscriberOperations")
struct SubscriberOperationsContractTests {
    @Test(arguments: StoreBackend.all)
    func insertedSubscriberReadsBackByKeyAndID(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let inserted = try await store.transaction { tx in
            try await tx.insertSubscriber(Fixtures.newSubscriber("Jane@Example.org", name: "Jane 'O; DROP TABLE--"))
        }
        let byKey = try await store.transaction { try await $0.subscriber(canonicalKey: "jane@example.org") }
        let byID = try await store.transaction { try await $0.subscriber(id: inserted.id) }
        #expect(byKey == inserted)
        #expect(byID == inserted)
        #expect(inserted.email == "Jane@Example.org")
        #expect(inserted.name == "Jane 'O; DROP TABLE--")
        #expect(inserted.createdAt == Fixtures.now)
    }

    @Test(arguments: StoreBackend.all)
    func duplicateCanonicalKeyIsRejected(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        _ = try await store.transaction { try await $0.insertSubscriber(Fixtures.newSubscriber("jane@example.org")) }
        await #expect(throws: StoreError.self) {
            _ = try await store.transaction {
                try await $0.insertSubscriber(Fixtures.newSubscriber("JANE@example.org"))
            }
        }
        let count = try await store.transaction { try await $0.subscriberCount() }
        #expect(count == 1)
    }

    @Test(arguments: StoreBackend.all)
    func purgeRemovesOnlyStalePendingSignups(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let old = Fixtures.now
        let recent = Fixtures.now.addingTimeInterval(7200)
        let cutoff = Fixtures.now.addingTimeInterval(3600)
        let (removed, remaining) = try await store.transaction { tx in
            for newsletter in Fixtures.newsletters { try await tx.upsertNewsletter(newsletter) }
            let plan: [(String, Date, [(String, SubscriptionStatus)])] = [
                ("stale@example.org", old, [("news", .pending)]),
                ("fresh@example.org", recent, [("news", .pending)]),
                ("mixed@example.org", old, [("news", .pending), ("daily", .confirmed)]),
                ("gone@example.org", old, [("news", .unsubscribed)]),
            ]
            for (address, time, subscriptions) in plan {
                let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber(address, at: time))
                for (slug, status) in subscriptions {
                    try await tx.saveSubscription(
                        Subscription(
                            subscriberID: subscriber.id, newsletter: slug, status: status, createdAt: time,
                            updatedAt: time))
                }
            }
            let removed = try await tx.purgePending(before: cutoff)
            var remaining: [String] = []
            for address in plan.map(\.0) where try await tx.subscriber(canonicalKey: address) != nil {
                remaining.append(address)
            }
            return (removed, remaining)
        }
        #expect(removed == 1)
        #expect(remaining == ["fresh@example.org", "mixed@example.org", "gone@example.org"])
    }
}
