import Foundation
import HeraldCore
import Logging

/// Counts clicks in memory and writes them in batches, so a redirect never waits for the database.
///
/// Hits of one network on one issue are held for ``burstWindow``: when in that time they reached
/// every link of an issue with two or more links, they were a scanner, and all of them count as
/// `filtered`; otherwise the readers' hits count as clicks. Counters are per (issue, link, hour).
/// ``flush()`` writes what is settled in one transaction; when the database is away the counts
/// stay in memory for the next flush (up to ``maxPendingKeys`` counters, beyond which new ones are
/// dropped and logged: the count is lost, never the reader's redirect).
actor ClickRecorder {
    private let store: any SubscriberStore
    private let logger: Logger
    private let now: @Sendable () -> Date
    let burstWindow: TimeInterval
    static let maxPendingKeys = 100_000

    /// One network's hits on one issue since `started`, summed per (link, hour): memory per
    /// activity is bounded by the issue's links, however many requests arrive.
    private struct Activity {
        var started: Date
        var linkCount: Int
        var links: Set<Int> = []
        var readerHits: [Key: Int] = [:]
        var filteredHits: [Key: Int] = [:]
        var readers: Set<SubscriberClick> = []

        /// Adds `hit`, counted under `key`; a reader's click is dated by the activity's start.
        mutating func update(_ hit: ClickHit, _ key: Key) {
            guard !hit.filtered else {
                filteredHits[key, default: 0] += 1
                return
            }
            links.insert(hit.target.linkIndex)
            readerHits[key, default: 0] += 1
            if let subscriber = hit.target.subscriberID {
                readers.insert(
                    SubscriberClick(
                        issueID: hit.target.issueID, subscriberID: subscriber, linkIndex: hit.target.linkIndex,
                        at: started))
            }
        }
    }

    private struct Key: Hashable {
        var issueID: Int64
        var linkIndex: Int
        var hour: Date
    }

    private var watching: [String: Activity] = [:]
    private var counts: [Key: (clicks: Int, filtered: Int)] = [:]
    private var readers: Set<SubscriberClick> = []

    init(store: any SubscriberStore, logger: Logger, burstWindow: TimeInterval = 5, now: @escaping @Sendable () -> Date)
    {
        self.store = store
        self.logger = logger
        self.burstWindow = burstWindow
        self.now = now
    }

    /// Takes one hit; it is counted at a later ``flush()``.
    func record(_ hit: ClickHit) {
        let watchKey = "\(hit.target.issueID)|\(hit.network)"
        // Only this network's expired activity is settled here (constant work per hit); the
        // flush every second settles the others.
        if let activity = watching[watchKey], activity.started < hit.time.addingTimeInterval(-burstWindow) {
            watching[watchKey] = nil
            settle(activity)
        }
        let key = Key(issueID: hit.target.issueID, linkIndex: hit.target.linkIndex, hour: Self.hour(of: hit.time))
        watching[watchKey, default: Activity(started: hit.time, linkCount: hit.target.linkCount)].update(hit, key)
    }

    /// Writes every settled count; with `all`, also the hits still being watched (at shutdown).
    func flush(all: Bool = false) async {
        settle(before: all ? .distantFuture : now().addingTimeInterval(-burstWindow))
        guard !counts.isEmpty || !readers.isEmpty else { return }
        let batch = counts.map {
            ClickCount(
                issueID: $0.key.issueID, linkIndex: $0.key.linkIndex, hour: $0.key.hour, clicks: $0.value.clicks,
                filtered: $0.value.filtered)
        }
        let clicked = Array(readers)
        counts = [:]
        readers = []
        do {
            try await store.transaction { tx in
                try await tx.addClickCounts(batch)
                try await tx.recordSubscriberClicks(clicked)
            }
        } catch {
            logger.warning(
                "could not write click counts; keeping them for the next try", metadata: ["error": "\(error)"])
            for count in batch { add(count.issueID, count.linkIndex, count.hour, count.clicks, count.filtered) }
            readers.formUnion(clicked)
        }
    }

    /// Classifies the watched activities that started before `cutoff`.
    private func settle(before cutoff: Date) {
        for (watchKey, activity) in watching where activity.started < cutoff {
            watching[watchKey] = nil
            settle(activity)
        }
    }

    /// Counts one finished activity: all of it as filtered when it was a burst over every link.
    private func settle(_ activity: Activity) {
        let burst = activity.linkCount >= 2 && activity.links.count >= activity.linkCount
        for (key, hits) in activity.readerHits {
            add(key.issueID, key.linkIndex, key.hour, burst ? 0 : hits, burst ? hits : 0)
        }
        for (key, hits) in activity.filteredHits { add(key.issueID, key.linkIndex, key.hour, 0, hits) }
        if !burst { readers.formUnion(activity.readers) }
    }

    /// The start of the hour `time` falls in.
    static func hour(of time: Date) -> Date {
        Date(timeIntervalSince1970: (time.timeIntervalSince1970 / 3600).rounded(.down) * 3600)
    }

    private func add(_ issue: Int64, _ link: Int, _ hour: Date, _ clicks: Int, _ filtered: Int) {
        let key = Key(issueID: issue, linkIndex: link, hour: hour)
        guard counts[key] != nil || counts.count < Self.maxPendingKeys else {
            logger.error("click counters full while the database is away; dropping a count")
            return
        }
        var value = counts[key] ?? (0, 0)
        value.clicks += clicks
        value.filtered += filtered
        counts[key] = value
    }
}
