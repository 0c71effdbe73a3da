import Foundation

/// What ``DigestReports`` reads.
public typealias DigestReportOperations = AdminQueryOperations & DigestIssueOperations & ClickOperations
    & OpenOperations

/// An issue listed with where its deliveries are.
public struct DigestIssueStatus: Sendable, Equatable {
    public let summary: DigestIssueSummary
    public let progress: DigestProgress
}

/// The raw figures of one issue's report, read at one moment: its audience over the first
/// `until`, click counters, and (when the newsletter collects them) clickers and open counters.
public struct DigestIssueEngagement: Sendable {
    public let issue: DigestIssue
    public let audience: IssueAudience
    public let clicks: [ClickCount]
    /// Set only for `per_subscriber` tracking.
    public let clickingSubscribers: Int?
    /// Set only for newsletters with `opens: true`.
    public let opens: [OpenCount]?
}

/// The operator's read-only view of digest issues: listings, delivery progress and engagement.
/// Each answer is read in one transaction.
public struct DigestReports: Sendable {
    /// How long after an issue's creation its report counts unsubscribes and bounces.
    public static let reportWindow: TimeInterval = 7 * 86_400

    let store: ScopedStore<any DigestReportOperations>

    public init(store: any SubscriberStore) {
        self.store = ScopedStore(store) { $0 }
    }

    /// Up to `limit` issues of `newsletter` below `beforeID` (all when nil), newest first, each
    /// with its delivery counts (no failure list).
    public func issues(newsletter: String, beforeID: Int64?, limit: Int) async throws -> [DigestIssueStatus] {
        try await store.transaction { tx in
            var found: [DigestIssueStatus] = []
            for summary in try await tx.digestIssueSummaries(newsletter: newsletter, beforeID: beforeID, limit: limit) {
                found.append(
                    DigestIssueStatus(
                        summary: summary, progress: try await tx.digestProgress(issueID: summary.id, failureLimit: 0)))
            }
            return found
        }
    }

    /// The newest `limit` issues of each of `newsletters` (no progress), keyed by slug.
    public func recentIssues(of newsletters: [String], limit: Int) async throws -> [String: [DigestIssueSummary]] {
        try await store.transaction { tx in
            var found: [String: [DigestIssueSummary]] = [:]
            for slug in newsletters {
                found[slug] = try await tx.digestIssueSummaries(newsletter: slug, beforeID: nil, limit: limit)
            }
            return found
        }
    }

    /// The issue of `newsletter` for `period` in `language` with where its deliveries are (up to
    /// `failureLimit` failures); nil when there is no such issue.
    public func issue(newsletter: String, period: String, language: String, failureLimit: Int) async throws
        -> (issue: DigestIssue, progress: DigestProgress)?
    {
        try await store.transaction { tx in
            guard let issue = try await tx.digestIssue(newsletter: newsletter, period: period, language: language)
            else { return nil }
            return (issue, try await tx.digestProgress(issueID: issue.id, failureLimit: failureLimit))
        }
    }

    /// How many subscribers are confirmed for `newsletter` now (the next issue's audience).
    public func confirmedSubscribers(newsletter: String) async throws -> Int {
        try await store.transaction { try await $0.confirmedSubscriberCount(newsletter: newsletter) }
    }

    /// Where issue `issueID`'s deliveries are, with up to `failureLimit` failures.
    public func progress(issueID: Int64, failureLimit: Int) async throws -> DigestProgress {
        try await store.transaction { try await $0.digestProgress(issueID: issueID, failureLimit: failureLimit) }
    }

    /// Issue `issueID` of `newsletter` with its engagement figures as of `now` (counted over at
    /// most ``reportWindow`` after the issue); nil when that newsletter has no such issue.
    public func engagement(issueID: Int64, of newsletter: Newsletter, now: Date) async throws -> DigestIssueEngagement?
    {
        try await store.transaction { tx in
            guard let issue = try await tx.digestIssue(id: issueID), issue.newsletter == newsletter.slug else {
                return nil
            }
            let until = min(issue.createdAt.addingTimeInterval(Self.reportWindow), max(now, issue.createdAt))
            return DigestIssueEngagement(
                issue: issue, audience: try await tx.issueAudience(issue, until: until.addingTimeInterval(0.001)),
                clicks: try await tx.clickCounts(issueID: issueID),
                clickingSubscribers: newsletter.tracking == .perSubscriber
                    ? try await tx.clickingSubscriberCount(issueID: issueID) : nil,
                opens: newsletter.opens ? try await tx.openCounts(issueID: issueID) : nil)
        }
    }
}
