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
    init(_ subscriber: Subscriber, _ subscriptions: [Subscription], _ consent: [ConsentEvent], _ entry: SuppressionEntry?) {
        subscriberID = subscriber.id
        email = subscriber.email
        name = subscriber.name
        attributes = JSONValue.objectMembers(of: subscriber.attributesJSON)
        createdAt = subscriber.createdAt
        updatedAt = subscriber.updatedAt
        self.subscriptions = subscriptions.map {
            SubscriptionRecord(
                newsletter: $0.newsletter, status: $0.status, createdAt: $0.createdAt, updatedAt: $0.updatedAt,
                confirmedAt: $0.confirmedAt, unsubscribedAt: $0.unsubscribedAt)
        }
        consentHistory = consent.map {
            ConsentRecord(
                newsletter: $0.newsletter, action: $0.action, ipAddress: $0.ipAddress, userAgent: $0.userAgent,
                source: $0.source, occurredAt: $0.occurredAt)
        }
        suppression = entry.map { SuppressionRecord(reason: $0.reason, detail: $0.detail, createdAt: $0.createdAt) }
    }
}
