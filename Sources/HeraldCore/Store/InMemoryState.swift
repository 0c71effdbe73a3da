import Foundation

/// All rows of the in-memory store; a value, so a transaction works on a copy.
struct InMemoryState: Sendable {
    var newsletters: [String: Newsletter] = [:]
    var subscribers: [Int64: Subscriber] = [:]
    var subscriberIDByKey: [String: Int64] = [:]
    var subscriptions: [SubscriptionKey: Subscription] = [:]
    var tokens: [String: TokenRecord] = [:]
    /// When each reminded confirm token was reminded.
    var remindedTokens: [String: Date] = [:]
    var consent: [ConsentEvent] = []
    var outbox: [Int64: OutboxMessage] = [:]
    /// Who holds the claim of each `sending` outbox row.
    var outboxLeaseOwners: [Int64: String] = [:]
    /// Outbox rows an operator discarded.
    var outboxDiscarded: Set<Int64> = []
    var settings: [String: String] = [:]
    var digestIssues: [Int64: DigestIssue] = [:]
    var deliveries: [Int64: [Int64: Delivery]] = [:]
    /// The articles each newsletter's issues in each language have sent.
    var sentArticles: [Edition: (identities: Set<String>, links: Set<String>)] = [:]
    var nextIssueID: Int64 = 1
    var nextSubscriberID: Int64 = 1
    var nextOutboxID: Int64 = 1
    var suppressions: [String: SuppressionEntry] = [:]
    var audit: [AuditEntry] = []
    var digestQueue: [QueuedDigestItem] = []
    var bounces: [BounceRecord] = []
    var webhookDeliveries: [Int64: WebhookDelivery] = [:]
    var nextWebhookID: Int64 = 1
    var clickCounts: [ClickKey: (clicks: Int, filtered: Int)] = [:]
    var subscriberClicks: [SubscriberClickKey: Date] = [:]
    var openCounts: [OpenKey: (opens: Int, filtered: Int)] = [:]

    /// A newsletter's issues in one language.
    struct Edition: Hashable, Sendable {
        var newsletter: String
        var language: String

        init(_ newsletter: String, _ language: String) {
            self.newsletter = newsletter
            self.language = language
        }
    }

    /// The language stored for the subscriber `id` (nil: the newsletter's).
    func subscriberLanguage(_ id: Int64) -> String? {
        subscribers[id]?.language
    }

    struct OpenKey: Hashable, Sendable {
        var issueID: Int64
        var hour: Date
    }

    struct ClickKey: Hashable, Sendable {
        var issueID: Int64
        var linkIndex: Int
        var hour: Date
    }

    struct SubscriberClickKey: Hashable, Sendable {
        var issueID: Int64
        var subscriberID: Int64
        var linkIndex: Int
    }
    /// Spent signup challenges and when each may be forgotten.
    var spentChallenges: [String: Date] = [:]
    /// Operator console sessions by id digest.
    var consoleSessions: [String: ConsoleSession] = [:]

    struct Delivery: Sendable {
        var state: DeliveryState
        var claimedBy: String?
        var result: String?
        /// When the row last changed.
        var updatedAt: Date
        var attempts = 0
        /// While claimed or sending: the lease's end; while deferred: when it is due again.
        var nextAttemptAt: Date?
    }

    struct SubscriptionKey: Hashable, Sendable {
        var subscriberID: Int64
        var newsletter: String
    }
}
