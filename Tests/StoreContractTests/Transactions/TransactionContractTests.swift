import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The promises every store backend keeps about `SubscriberStore.transaction`: all or nothing.
@Suite("Store contract: transactions")
struct TransactionContractTests {
    @Test(arguments: StoreBackend.all)
    func aThrowingTransactionLeavesNothingBehind(_ backend: StoreBackend) async throws {
        struct Abort: Error {}
        let store = try await backend.makeWithNewsletters()
        await #expect(throws: Abort.self) {
            try await store.transaction { tx in
                let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("a@example.org"))
                _ = try await tx.enqueueMail(
                    OutboxDraft(
                        kind: .confirmation, subscriberID: subscriber.id, throttleKey: "a@example.org",
                        mail: Fixtures.mail(to: "a@example.org"), createdAt: Fixtures.now))
                throw Abort()
            }
        }
        let (count, summary) = try await store.transaction { tx in
            (try await tx.subscriberCount(), try await tx.outboxSummary())
        }
        #expect(count == 0)
        #expect(summary.counts.isEmpty)
    }
}
