import Foundation
import HeraldCore
import HeraldTestSupport
import Logging
import Synchronization
import Testing

@testable import HeraldApp

/// `herald serve`'s search index clock: each tick empties the queue in batches and survives a
/// failing store.
@Suite("Search index service")
struct SearchIndexServiceTests {
    /// A store whose queue hands out the scripted batch sizes, then 0, or fails when told to.
    final class ScriptedStore: SubscriberStore {
        let inner = InMemoryStore()
        let batches: Mutex<[Int]>
        let calls = Atomic<Int>(0)
        let fails: Bool
        init(batches: [Int], fails: Bool = false) {
            self.batches = Mutex(batches)
            self.fails = fails
        }
        func migrate() async throws { try await inner.migrate() }
        func ping() async throws { try await inner.ping() }
        func transaction<Result: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> Result)
            async throws -> Result
        { try await inner.transaction(body) }
        func indexQueuedSubscribers(limit: Int) async throws -> Int {
            calls.add(1, ordering: .relaxed)
            if fails { throw StoreError.unavailable("test outage") }
            return batches.withLock { $0.isEmpty ? 0 : $0.removeFirst() }
        }
    }

    static func service(_ store: any SubscriberStore, batchSize: Int) -> SearchIndexService {
        SearchIndexService(store: store, interval: .seconds(1), batchSize: batchSize, logger: Logger(label: "test"))
    }

    @Test func aTickIndexesBatchAfterBatchUntilOneComesBackShort() async {
        let store = ScriptedStore(batches: [3, 3, 1, 3])
        await Self.service(store, batchSize: 3).indexQueue()
        #expect(store.calls.load(ordering: .relaxed) == 3)
        let exact = ScriptedStore(batches: [3, 3])
        await Self.service(exact, batchSize: 3).indexQueue()
        #expect(exact.calls.load(ordering: .relaxed) == 3)  // the third batch finds the queue empty
    }

    @Test func aFailingStoreEndsTheTickWithoutThrowing() async {
        let store = ScriptedStore(batches: [], fails: true)
        await Self.service(store, batchSize: 3).indexQueue()
        #expect(store.calls.load(ordering: .relaxed) == 1)
    }

    @Test func aTickEmptiesSQLitesQueue() async throws {
        let store = try await StoreBackend.sqlite.make()
        for number in 0..<5 {
            _ = try await store.transaction { try await $0.insertSubscriber(Fixtures.newSubscriber("q\(number)@x.io")) }
        }
        await Self.service(store, batchSize: 2).indexQueue()
        #expect(try await store.indexQueuedSubscribers(limit: 10) == 0)
        let found = try await store.transaction {
            try await $0.searchSubscribers(SubscriberSearch(addressContains: "@x.io"))
        }
        #expect(found.count == 5)
    }
}
