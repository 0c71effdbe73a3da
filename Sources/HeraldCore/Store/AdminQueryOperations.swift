import Foundation

/// Which subscribers an admin search returns; every criterion is optional and they combine with AND.
public struct SubscriberSearch: Sendable, Equatable {
    /// A piece of the address, matched case-insensitively against the canonical key.
    public var addressContains: String?
    /// Only subscribers with a subscription in this state (to `newsletter` when given).
    public var status: SubscriptionStatus?
    /// Only subscribers with a subscription to this newsletter.
    public var newsletter: String?
    /// Created at or after this time.
    public var createdFrom: Date?
    /// Created before this time.
    public var createdBefore: Date?
    /// Keyset pagination: only ids greater than this.
    public var afterID: Int64
    /// Page size.
    public var limit: Int

    public init(
        addressContains: String? = nil, status: SubscriptionStatus? = nil, newsletter: String? = nil,
        createdFrom: Date? = nil, createdBefore: Date? = nil, afterID: Int64 = 0, limit: Int = 50
    ) {
        self.addressContains = addressContains
        self.status = status
        self.newsletter = newsletter
        self.createdFrom = createdFrom
        self.createdBefore = createdBefore
        self.afterID = afterID
        self.limit = limit
    }
}

/// Number of subscriptions of one newsletter in one state.
public struct SubscriptionCount: Sendable, Equatable {
    public var newsletter: String
    public var status: SubscriptionStatus
    public var count: Int

    public init(newsletter: String, status: SubscriptionStatus, count: Int) {
        self.newsletter = newsletter
        self.status = status
        self.count = count
    }
}

/// A digest issue without its articles, for listings.
public struct DigestIssueSummary: Sendable, Equatable {
    public var id: Int64
    public var newsletter: String
    public var period: String
    /// The language the issue is written in (one issue per newsletter, period and language).
    public var language: String
    public var articleCount: Int
    public var createdAt: Date
    public var completedAt: Date?

    public init(
        id: Int64, newsletter: String, period: String, language: String, articleCount: Int, createdAt: Date,
        completedAt: Date?
    ) {
        self.id = id
        self.newsletter = newsletter
        self.period = period
        self.language = language
        self.articleCount = articleCount
        self.createdAt = createdAt
        self.completedAt = completedAt
    }
}

/// Number of consent events of one action for one newsletter on one UTC day.
public struct ConsentActivity: Sendable, Equatable {
    public var newsletter: String
    /// Days since 1970-01-01 (UTC).
    public var day: Int64
    public var action: ConsentAction
    public var count: Int

    public init(newsletter: String, day: Int64, action: ConsentAction, count: Int) {
        self.newsletter = newsletter
        self.day = day
        self.action = action
        self.count = count
    }
}

/// Read-only queries behind the admin API.
///
/// Contract: `searchSubscribers` returns subscribers ordered by id, all with an id above
/// `afterID`, at most `limit`; walking pages by the last id seen returns every match exactly
/// once. Address matching is a case-insensitive substring match on the canonical key, with no
/// wildcard characters (`%`, `_` match themselves).
public protocol AdminQueryOperations: Sendable {
    /// The subscribers matching `search`, ordered by id.
    func searchSubscribers(_ search: SubscriberSearch) async throws -> [Subscriber]
    /// Subscriptions by newsletter and state (only non-zero counts).
    func subscriptionCounts() async throws -> [SubscriptionCount]
    /// Up to `limit` issues of `newsletter` with an id below `beforeID` (all when nil), newest first.
    func digestIssueSummaries(newsletter: String, beforeID: Int64?, limit: Int) async throws -> [DigestIssueSummary]
    /// Consent events per newsletter, UTC day and action in `[from, to)`, for `newsletter` or all.
    func consentActivity(newsletter: String?, from: Date, to: Date) async throws -> [ConsentActivity]
}
