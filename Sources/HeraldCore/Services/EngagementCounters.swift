import Foundation

/// What ``EngagementCounters`` writes.
public typealias EngagementCounterOperations = ClickOperations & OpenOperations

/// Stores the click and open counts the redirect and pixel endpoints gathered, all in one
/// transaction: a batch lands whole or not at all, so a failed write can be retried as it is.
public struct EngagementCounters: Sendable {
    let store: ScopedStore<any EngagementCounterOperations>

    public init(store: any SubscriberStore) {
        self.store = ScopedStore(store) { $0 }
    }

    /// Adds `clicks` and `opens` to the stored counters and records `subscriberClicks` (first
    /// clicks of `per_subscriber` newsletters).
    public func add(clicks: [ClickCount], subscriberClicks: [SubscriberClick], opens: [OpenCount]) async throws {
        try await store.transaction { tx in
            try await tx.addClickCounts(clicks)
            try await tx.recordSubscriberClicks(subscriberClicks)
            try await tx.addOpenCounts(opens)
        }
    }
}
