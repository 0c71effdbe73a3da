import Foundation
import HeraldCore

/// The click recorder's state: hits being watched for bursts, settled counters and readers'
/// clicks waiting to be written. Plain value logic; ``ClickRecorder`` guards it with a lock.
struct ClickTally {
    /// One network's hits on one issue since `started`, summed per (link, hour): memory per
    /// activity is bounded by the issue's links, however many requests arrive.
    struct Activity {
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

    struct OpenKey: Hashable {
        var issueID: Int64
        var hour: Date
    }

    struct Key: Hashable {
        var issueID: Int64
        var linkIndex: Int
        var hour: Date
    }

    private var watching: [String: Activity] = [:]
    private var counts: [Key: (clicks: Int, filtered: Int)] = [:]
    private var readers: Set<SubscriberClick> = []
    private var opens: [OpenKey: (opens: Int, filtered: Int)] = [:]
    /// Counts dropped because ``ClickRecorder/maxPendingKeys`` counters were waiting already.
    var dropped = 0

    /// Takes one hit; it is counted at a later ``flush()``.
    mutating func record(_ hit: ClickHit, burstWindow: TimeInterval) {
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

    /// Counts one load of an issue's open pixel (no burst watch: an issue has one pixel).
    mutating func recordOpen(issueID: Int64, time: Date, filtered: Bool) {
        addOpen(
            OpenCount(issueID: issueID, hour: Self.hour(of: time), opens: filtered ? 0 : 1, filtered: filtered ? 1 : 0))
    }

    /// Takes every open counter out for writing.
    mutating func takeOpens() -> [OpenCount] {
        defer { opens = [:] }
        return opens.map {
            OpenCount(issueID: $0.key.issueID, hour: $0.key.hour, opens: $0.value.opens, filtered: $0.value.filtered)
        }
    }

    /// Adds `count` to its (issue, hour) counter, within the same limit as click counters.
    mutating func addOpen(_ count: OpenCount) {
        let key = OpenKey(issueID: count.issueID, hour: count.hour)
        guard opens[key] != nil || opens.count < ClickRecorder.maxPendingKeys else {
            dropped += count.opens + count.filtered
            return
        }
        var value = opens[key] ?? (0, 0)
        value.opens += count.opens
        value.filtered += count.filtered
        opens[key] = value
    }

    /// Takes every settled count and reader click out for writing.
    mutating func take() -> (counts: [ClickCount], readers: [SubscriberClick]) {
        let batch = counts.map {
            ClickCount(
                issueID: $0.key.issueID, linkIndex: $0.key.linkIndex, hour: $0.key.hour, clicks: $0.value.clicks,
                filtered: $0.value.filtered)
        }
        let clicked = Array(readers)
        counts = [:]
        readers = []
        return (batch, clicked)
    }

    /// Puts back what could not be written.
    mutating func restore(_ batch: [ClickCount], _ clicked: [SubscriberClick]) {
        for count in batch { add(count.issueID, count.linkIndex, count.hour, count.clicks, count.filtered) }
        readers.formUnion(clicked)
    }

    /// Classifies the watched activities that started before `cutoff`.
    mutating func settle(before cutoff: Date) {
        for (watchKey, activity) in watching where activity.started < cutoff {
            watching[watchKey] = nil
            settle(activity)
        }
    }

    /// Counts one finished activity: all of it as filtered when it was a burst over every link.
    private mutating func settle(_ activity: Activity) {
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

    mutating func add(_ issue: Int64, _ link: Int, _ hour: Date, _ clicks: Int, _ filtered: Int) {
        let key = Key(issueID: issue, linkIndex: link, hour: hour)
        guard counts[key] != nil || counts.count < ClickRecorder.maxPendingKeys else {
            dropped += clicks + filtered
            return
        }
        var value = counts[key] ?? (0, 0)
        value.clicks += clicks
        value.filtered += filtered
        counts[key] = value
    }
}
