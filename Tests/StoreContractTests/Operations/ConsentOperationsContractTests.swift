import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The promises every store backend keeps about `ConsentOperations`.
@Suite("Store contract: ConsentOperations")
struct ConsentOperationsContractTests {
    @Test(arguments: StoreBackend.all)
    func consentHistoryKeepsOrderAndDetails(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let events = try await store.transaction { tx in
            let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("a@example.org"))
            for action in [ConsentAction.signup, .confirm, .unsubscribe] {
                try await tx.appendConsent(
                    ConsentEvent(
                        subscriberID: subscriber.id, newsletter: "news", action: action,
                        ipAddress: "203.0.113.9", userAgent: "<script>", source: "https://news.example.org/a",
                        occurredAt: Fixtures.now))
            }
            return try await tx.consentEvents(subscriberID: subscriber.id)
        }
        #expect(events.map(\.action) == [.signup, .confirm, .unsubscribe])
        #expect(events.first?.userAgent == "<script>")
        #expect(events.first?.ipAddress == "203.0.113.9")
    }
}
