import Foundation

/// Everything Herald holds about one person, for a GDPR access request (Art. 15).
public struct SubscriberDataExport: Sendable, Equatable, Codable {
    /// One subscription with the time of each change.
    public struct SubscriptionRecord: Sendable, Equatable, Codable {
        public var newsletter: String
        public var status: SubscriptionStatus
        public var createdAt: Date
        public var updatedAt: Date
        public var confirmedAt: Date?
        public var unsubscribedAt: Date?

        enum CodingKeys: String, CodingKey {
            case newsletter, status
            case createdAt = "created_at", updatedAt = "updated_at", confirmedAt = "confirmed_at"
            case unsubscribedAt = "unsubscribed_at"
        }
    }

    /// One consent step, as recorded.
    public struct ConsentRecord: Sendable, Equatable, Codable {
        public var newsletter: String?
        public var action: ConsentAction
        public var ipAddress: String?
        public var userAgent: String?
        public var source: String?
        public var occurredAt: Date

        enum CodingKeys: String, CodingKey {
            case newsletter, action, source
            case ipAddress = "ip_address", userAgent = "user_agent", occurredAt = "occurred_at"
        }
    }

    /// Why mail to the person is suppressed, if it is.
    public struct SuppressionRecord: Sendable, Equatable, Codable {
        public var reason: SuppressionReason
        public var detail: String?
        public var createdAt: Date

        enum CodingKeys: String, CodingKey {
            case reason, detail
            case createdAt = "created_at"
        }
    }

    public var subscriberID: Int64
    /// The address as the person typed it.
    public var email: String
    public var name: String?
    public var attributes: [String: JSONValue]
    public var createdAt: Date
    public var updatedAt: Date
    public var subscriptions: [SubscriptionRecord]
    /// Oldest first.
    public var consentHistory: [ConsentRecord]
    public var suppression: SuppressionRecord?

    enum CodingKeys: String, CodingKey {
        case email, name, attributes, subscriptions, suppression
        case subscriberID = "subscriber_id", createdAt = "created_at", updatedAt = "updated_at"
        case consentHistory = "consent_history"
    }
}

extension SubscriberDataExport {
    /// Assembles the export from stored rows.
    init(
        _ subscriber: Subscriber, _ subscriptions: [Subscription], _ consent: [ConsentEvent], _ entry: SuppressionEntry?
    ) {
        subscriberID = subscriber.id
        email = subscriber.email
        name = subscriber.name
        attributes = JSONValue.objectMembers(of: subscriber.attributesJSON)
        createdAt = subscriber.createdAt
        updatedAt = subscriber.updatedAt
        self.subscriptions = subscriptions.map(SubscriptionRecord.init)
        consentHistory = consent.map(ConsentRecord.init)
        suppression = entry.map(SuppressionRecord.init)
    }
}

extension SubscriberDataExport.SubscriptionRecord {
    /// The record of `subscription` (its subscriber is the export's).
    public init(_ subscription: Subscription) {
        self.init(
            newsletter: subscription.newsletter, status: subscription.status, createdAt: subscription.createdAt,
            updatedAt: subscription.updatedAt, confirmedAt: subscription.confirmedAt,
            unsubscribedAt: subscription.unsubscribedAt)
    }
}

extension SubscriberDataExport.ConsentRecord {
    /// The record of `event` (its subscriber is the export's).
    public init(_ event: ConsentEvent) {
        self.init(
            newsletter: event.newsletter, action: event.action, ipAddress: event.ipAddress, userAgent: event.userAgent,
            source: event.source, occurredAt: event.occurredAt)
    }
}

extension SubscriberDataExport.SuppressionRecord {
    /// The record of `entry` (without the address hash).
    public init(_ entry: SuppressionEntry) {
        self.init(reason: entry.reason, detail: entry.detail, createdAt: entry.createdAt)
    }
}
