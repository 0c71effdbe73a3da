import Foundation
import HeraldCore
import Logging
import Synchronization

/// Counts clicks (and open-pixel loads) in memory and writes them in batches, so a redirect never waits for the database.
///
/// Hits of one network on one issue are held for ``burstWindow``: when in that time they reached
/// every link of an issue with two or more links, they were a scanner, and all of them count as
/// `filtered`; otherwise the readers' hits count as clicks. Counters are per (issue, link, hour).
/// ``flush()`` writes what is settled in one transaction; when the database is away the counts
/// stay in memory for the next flush (up to ``maxPendingKeys`` counters, beyond which new ones are
/// dropped and logged: the count is lost, never the reader's redirect). ``record(_:)`` only takes
/// a lock for a few dictionary updates, so the redirect does not wait for anything else.
package final class ClickRecorder: Sendable {
    private let store: any SubscriberStore
    private let logger: Logger
    private let now: @Sendable () -> Date
    let burstWindow: TimeInterval
    static let maxPendingKeys = 100_000
    private let tally = Mutex(ClickTally())

    init(store: any SubscriberStore, logger: Logger, burstWindow: TimeInterval = 5, now: @escaping @Sendable () -> Date)
    {
        self.store = store
        self.logger = logger
        self.burstWindow = burstWindow
        self.now = now
    }

    /// Takes one hit; it is counted at a later ``flush()``.
    package func record(_ hit: ClickHit) {
        tally.withLock { $0.record(hit, burstWindow: burstWindow) }
    }

    /// Takes one load of an issue's open pixel; it is counted at a later ``flush()``.
    package func recordOpen(issueID: Int64, time: Date, filtered: Bool) {
        tally.withLock { $0.recordOpen(issueID: issueID, time: time, filtered: filtered) }
    }

    /// Writes every settled count; with `all`, also the hits still being watched (at shutdown).
    package func flush(all: Bool = false) async {
        let cutoff = all ? Date.distantFuture : now().addingTimeInterval(-burstWindow)
        let (batch, clicked, opened, dropped) = tally.withLock { tally in
            tally.settle(before: cutoff)
            let (batch, clicked) = tally.take()
            defer { tally.dropped = 0 }
            return (batch, clicked, tally.takeOpens(), tally.dropped)
        }
        if dropped > 0 {
            logger.error("click counters full while the database is away", metadata: ["dropped": "\(dropped)"])
        }
        guard !batch.isEmpty || !clicked.isEmpty || !opened.isEmpty else { return }
        do {
            try await EngagementCounters(store: store).add(clicks: batch, subscriberClicks: clicked, opens: opened)
        } catch {
            logger.warning(
                "could not write click counts; keeping them for the next try", metadata: ["error": "\(error)"])
            tally.withLock { tally in
                tally.restore(batch, clicked)
                for count in opened { tally.addOpen(count) }
            }
        }
    }
}
