import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The promises every store backend keeps about `SubscriptionOperations`.
@Suite("Store contract: SubscriptionOperations")
struct SubscriptionOperationsContractTests {
    @Test(arguments: StoreBackend.all)
    func subscriptionsMoveThroughTheirStates(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let later = Fixtures.now.addingTimeInterval(60)
        let saved = try await store.transaction { tx in
            let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("a@example.org"))
            let pending = Subscription(
                subscriberID: subscriber.id, newsletter: "daily", status: .pending, createdAt: Fixtures.now,
                updatedAt: Fixtures.now)
            try await tx.saveSubscription(pending)
            try await tx.saveSubscription(pending.moved(to: .confirmed, at: later))
            return try await tx.subscriptions(subscriberID: subscriber.id)
        }
        #expect(saved.count == 1)
        #expect(saved.first?.status == .confirmed)
        #expect(saved.first?.confirmedAt == later)
        #expect(saved.first?.createdAt == Fixtures.now)
    }

    @Test(arguments: StoreBackend.all)
    func subscriptionToUnknownNewsletterIsRejected(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        await #expect(throws: StoreError.self) {
            try await store.transaction { tx in
                let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("a@example.org"))
                try await tx.saveSubscription(
                    Subscription(
                        subscriberID: subscriber.id, newsletter: "nope", status: .pending,
                        createdAt: Fixtures.now, updatedAt: Fixtures.now))
            }
        }
    }
}
