import Foundation
import HeraldCore
import Logging
import Synchronization
import Testing

@testable import HeraldApp

/// The in-memory click counter: readers counted, scanners and bursts filtered, nothing lost while
/// the database is away.
@Suite("Click recorder")
struct ClickRecorderTests {
    /// A store whose transactions fail as unavailable while `down` is set.
    final class FlakyStore: SubscriberStore {
        let inner = InMemoryStore()
        let down = Atomic<Bool>(false)
        func migrate() async throws { try await inner.migrate() }
        func ping() async throws { try await inner.ping() }
        func transaction<Result: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> Result)
            async throws -> Result
        {
            if down.load(ordering: .relaxed) { throw StoreError.unavailable("test outage") }
            return try await inner.transaction(body)
        }
    }

    final class Clock: Sendable {
        let seconds = Atomic<Int>(0)
        var now: Date { Date(timeIntervalSince1970: 1_800_000_000 + Double(seconds.load(ordering: .relaxed))) }
    }

    static func setUp() async throws -> (FlakyStore, Int64) {
        let store = FlakyStore()
        let issue = try await store.transaction { tx in
            try await tx.upsertNewsletter(Newsletter(slug: "daily", title: "Daily"))
            return try await tx.createDigestIssue(
                newsletter: "daily", period: "p", edition: .single("en"), articles: [], at: Date())
        }
        return (store, issue.id)
    }

    static func hit(
        _ issue: Int64, _ link: Int, of count: Int, from network: String, at time: Date, scanner: Bool = false
    )
        -> ClickHit
    {
        ClickHit(
            target: ClickTarget(issueID: issue, linkIndex: link, linkCount: count, url: "https://n.example/\(link)"),
            time: time, network: network, filtered: scanner)
    }

    static func totals(_ store: FlakyStore, _ issue: Int64) async throws -> (clicks: Int, filtered: Int) {
        let counts = try await store.transaction { try await $0.clickCounts(issueID: issue) }
        return (counts.reduce(0) { $0 + $1.clicks }, counts.reduce(0) { $0 + $1.filtered })
    }

    @Test func readersCountAndABurstOverEveryLinkFromOneNetworkIsFiltered() async throws {
        let (store, issue) = try await Self.setUp()
        let clock = Clock()
        let recorder = ClickRecorder(store: store, logger: Logger(label: "test"), now: { clock.now })
        recorder.record(Self.hit(issue, 0, of: 3, from: "198.51.100", at: clock.now))
        recorder.record(Self.hit(issue, 1, of: 3, from: "198.51.100", at: clock.now))
        for link in 0..<3 { recorder.record(Self.hit(issue, link, of: 3, from: "203.0.113", at: clock.now)) }
        recorder.record(Self.hit(issue, 2, of: 3, from: "192.0.2", at: clock.now, scanner: true))
        await recorder.flush()
        #expect(try await Self.totals(store, issue) == (0, 0))  // still inside the burst window
        clock.seconds.store(6, ordering: .relaxed)
        await recorder.flush()
        #expect(try await Self.totals(store, issue) == (2, 4))
    }

    @Test func countsWaitInMemoryWhileTheDatabaseIsAway() async throws {
        let (store, issue) = try await Self.setUp()
        let clock = Clock()
        let recorder = ClickRecorder(store: store, logger: Logger(label: "test"), now: { clock.now })
        recorder.record(Self.hit(issue, 0, of: 2, from: "198.51.100", at: clock.now))
        store.down.store(true, ordering: .relaxed)
        await recorder.flush(all: true)
        store.down.store(false, ordering: .relaxed)
        #expect(try await Self.totals(store, issue) == (0, 0))
        await recorder.flush()
        #expect(try await Self.totals(store, issue) == (1, 0))
    }

    static func openTotals(_ store: FlakyStore, _ issue: Int64) async throws -> [OpenCount] {
        try await store.transaction { try await $0.openCounts(issueID: issue) }
    }

    @Test func opensAreCountedPerIssueAndHourAndWaitWhileTheDatabaseIsAway() async throws {
        let (store, issue) = try await Self.setUp()
        let clock = Clock()
        let recorder = ClickRecorder(store: store, logger: Logger(label: "test"), now: { clock.now })
        let hour = ClickTally.hour(of: clock.now)
        recorder.recordOpen(issueID: issue, time: clock.now, filtered: false)
        recorder.recordOpen(issueID: issue, time: clock.now, filtered: false)
        recorder.recordOpen(issueID: issue, time: clock.now, filtered: true)
        recorder.recordOpen(issueID: issue + 99, time: clock.now, filtered: false)  // no such issue: dropped
        store.down.store(true, ordering: .relaxed)
        await recorder.flush()
        store.down.store(false, ordering: .relaxed)
        #expect(try await Self.openTotals(store, issue) == [])
        clock.seconds.store(3600, ordering: .relaxed)
        recorder.recordOpen(issueID: issue, time: clock.now, filtered: false)
        await recorder.flush()
        #expect(
            try await Self.openTotals(store, issue) == [
                OpenCount(issueID: issue, hour: hour, opens: 2, filtered: 1),
                OpenCount(issueID: issue, hour: hour.addingTimeInterval(3600), opens: 1, filtered: 0),
            ])
        #expect(try await Self.totals(store, issue) == (0, 0))  // opens are not clicks
    }
}
