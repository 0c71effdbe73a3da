import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Transactions that lock one subscriber run one after another and see each other's writes.
@Suite("Store contract: SubscriberLockOperations")
struct SubscriberLockOperationsContractTests {
    @Test(arguments: StoreBackend.all)
    func aSecondLockerWaitsForTheFirstAndSeesWhatItCommitted(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let subscriber = try await store.transaction {
            try await $0.insertSubscriber(Fixtures.newSubscriber("a@example.org"))
        }
        let (locked, signal) = AsyncStream<Void>.makeStream()
        async let first: Void = store.transaction { tx in
            try await tx.lockSubscriber(id: subscriber.id)
            signal.yield()
            try await Task.sleep(for: .milliseconds(300))
            try await tx.saveSetting(named: "marker", value: "first")
        }
        for await _ in locked { break }
        let seen = try await store.transaction { tx in
            try await tx.lockSubscriber(id: subscriber.id)
            return try await tx.setting(named: "marker", default: "not yet")
        }
        try await first
        #expect(seen == "first")
    }

    @Test(arguments: StoreBackend.all)
    func lockingAnUnknownSubscriberIsNotFound(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let error = await #expect(throws: StoreError.self) {
            try await store.transaction { try await $0.lockSubscriber(id: 424_242) }
        }
        #expect(error?.isNotFound == true)
    }
}
