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

    static func service(_ store: any SubscriberStore, batchSize: Int, metrics: HeraldMetrics = HeraldMetrics())
        -> SearchIndexService
    {
        SearchIndexService(
            store: store, interval: .seconds(1), batchSize: batchSize, metrics: metrics, logger: Logger(label: "test"))
    }

    static func metricsText(_ metrics: HeraldMetrics) -> String { String(decoding: metrics.render(), as: UTF8.self) }

    @Test func aTickIndexesBatchAfterBatchUntilOneComesBackShortAndCountsThem() async {
        let store = ScriptedStore(batches: [3, 3, 1, 3])
        let metrics = HeraldMetrics()
        await Self.service(store, batchSize: 3, metrics: metrics).indexQueue()
        #expect(store.calls.load(ordering: .relaxed) == 3)
        let text = Self.metricsText(metrics)
        #expect(text.contains("herald_search_index_subscribers_total 7\n"), "\(text)")
        #expect(!text.contains("herald_search_index_failures_total"), "\(text)")
        let exact = ScriptedStore(batches: [3, 3])
        await Self.service(exact, batchSize: 3).indexQueue()
        #expect(exact.calls.load(ordering: .relaxed) == 3)  // the third batch finds the queue empty
    }

    @Test func aFailingStoreEndsTheTickWithoutThrowingAndIsCounted() async {
        let store = ScriptedStore(batches: [], fails: true)
        let metrics = HeraldMetrics()
        await Self.service(store, batchSize: 3, metrics: metrics).indexQueue()
        await Self.service(store, batchSize: 3, metrics: metrics).indexQueue()
        #expect(store.calls.load(ordering: .relaxed) == 2)
        #expect(Self.metricsText(metrics).contains("herald_search_index_failures_total 2\n"))
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
