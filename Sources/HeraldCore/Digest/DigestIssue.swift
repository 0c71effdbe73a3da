import Foundation

/// One digest of one newsletter for one period (e.g. a calendar day) in one language, created
/// exactly once.
public struct DigestIssue: Sendable, Equatable {
    public var id: Int64
    public var newsletter: String
    /// The period key, unique per newsletter ("2026-11-25").
    public var period: String
    /// The language the issue is written in; unique with the newsletter and period.
    public var language: String
    public var articles: [DigestArticle]
    public var createdAt: Date
    /// Set once every delivery is sent, failed for good or skipped.
    public var completedAt: Date?

    public init(
        id: Int64, newsletter: String, period: String, language: String, articles: [DigestArticle], createdAt: Date,
        completedAt: Date? = nil
    ) {
        self.id = id
        self.newsletter = newsletter
        self.period = period
        self.language = language
        self.articles = articles
        self.createdAt = createdAt
        self.completedAt = completedAt
    }
}

/// Where one subscriber's copy of an issue is.
public enum DeliveryState: String, Sendable, Codable, CaseIterable {
    /// Not attempted yet.
    case pending
    /// Claimed by a run in a batch; its SMTP transaction has not started. A dead run's claimed
    /// rows are simply sent by the next run.
    case claimed
    /// Marked just before the SMTP transaction starts. A row left here by a run that died is sent
    /// again by the next run and reported as possibly duplicated (the acceptance window: the server
    /// may have accepted it in the instant before the run could record that).
    case sending
    /// Accepted by the SMTP server.
    case sent
    /// Transient failures exhausted in this run; the next run tries again.
    case deferred
    /// Permanently rejected (e.g. 550); never retried.
    case failed
    /// Not sent: the subscriber left before their turn.
    case skipped
}

/// A delivery claimed for sending, with what is needed to personalise it.
public struct DigestRecipient: Sendable, Equatable {
    public var subscriber: Subscriber
    /// The subscriber's status for this newsletter at claim time.
    public var status: SubscriptionStatus?
    /// True when a previous run started this row's SMTP transaction and died before recording the
    /// result: sending it again may deliver a second copy (reported as `resumed`).
    public var resumedAfterInterruption: Bool
    /// SMTP attempts recorded for this delivery before this claim (by earlier runs).
    public var attempts: Int

    public init(subscriber: Subscriber, status: SubscriptionStatus?, resumedAfterInterruption: Bool, attempts: Int = 0)
    {
        self.subscriber = subscriber
        self.status = status
        self.resumedAfterInterruption = resumedAfterInterruption
        self.attempts = attempts
    }
}

/// Progress of an issue: deliveries by state, and the latest failures with their reply.
public struct DigestProgress: Sendable, Equatable {
    public var counts: [DeliveryState: Int]
    public var failures: [(subscriberID: Int64, result: String)]

    public init(counts: [DeliveryState: Int], failures: [(subscriberID: Int64, result: String)]) {
        self.counts = counts
        self.failures = failures
    }

    public var total: Int { counts.values.reduce(0, +) }
    /// Deliveries still to attempt (pending, claimed or deferred).
    public var open: Int {
        [.pending, .claimed, .sending, .deferred].reduce(0) { $0 + (counts[$1] ?? 0) }
    }

    public static func == (lhs: DigestProgress, rhs: DigestProgress) -> Bool {
        lhs.counts == rhs.counts && lhs.failures.map(\.subscriberID) == rhs.failures.map(\.subscriberID)
            && lhs.failures.map(\.result) == rhs.failures.map(\.result)
    }
}
