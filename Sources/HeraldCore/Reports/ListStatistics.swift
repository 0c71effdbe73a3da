import Foundation

/// What ``ListStatistics`` reads.
public typealias ListStatisticsOperations = AdminQueryOperations & OutboxOperations & DigestIssueOperations

/// The dashboard's figures, read at one moment.
public struct ListSnapshot: Sendable {
    /// Consent events per newsletter, day and action over the asked range.
    public let activity: [ConsentActivity]
    /// Subscriptions per newsletter and state (non-zero only).
    public let subscriptions: [SubscriptionCount]
    public let outbox: OutboxSummary
    /// Each newsletter's newest issue with its delivery counts (absent when it has none).
    public let latestIssues: [String: DigestIssueStatus]
}

/// Counts over the whole list: consent activity per day (signups, confirmations,
/// unsubscribes) and subscriptions per state, for the stats API and the console's dashboard.
public struct ListStatistics: Sendable {
    let store: ScopedStore<any ListStatisticsOperations>

    public init(store: any SubscriberStore) {
        self.store = ScopedStore(store) { $0 }
    }

    /// Consent events per newsletter, UTC day and action in `[from, to)`, for `newsletter` or all.
    public func activity(newsletter: String?, from: Date, to: Date) async throws -> [ConsentActivity] {
        try await store.transaction { try await $0.consentActivity(newsletter: newsletter, from: from, to: to) }
    }

    /// Subscriptions per newsletter and state (non-zero only).
    public func subscriptionCounts() async throws -> [SubscriptionCount] {
        try await store.transaction { try await $0.subscriptionCounts() }
    }

    /// The activity of all newsletters in `[from, to)`, the subscription counts, the outbox and
    /// each of `newsletters`' newest issue, in one transaction.
    public func snapshot(newsletters: [String], from: Date, to: Date) async throws -> ListSnapshot {
        try await store.transaction { tx in
            var latest: [String: DigestIssueStatus] = [:]
            for slug in newsletters {
                guard let summary = try await tx.digestIssueSummaries(newsletter: slug, beforeID: nil, limit: 1).first
                else { continue }
                latest[slug] = DigestIssueStatus(
                    summary: summary, progress: try await tx.digestProgress(issueID: summary.id, failureLimit: 0))
            }
            return ListSnapshot(
                activity: try await tx.consentActivity(newsletter: nil, from: from, to: to),
                subscriptions: try await tx.subscriptionCounts(), outbox: try await tx.outboxSummary(),
                latestIssues: latest)
        }
    }
}
