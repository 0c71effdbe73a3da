import Foundation
import HeraldCore

/// One subscription as the admin API shows it.
struct AdminSubscriptionView: Encodable {
    let newsletter: String
    let status: SubscriptionStatus
    let createdAt: Date
    let updatedAt: Date
    let confirmedAt: Date?
    let unsubscribedAt: Date?

    init(_ subscription: Subscription) {
        newsletter = subscription.newsletter
        status = subscription.status
        createdAt = subscription.createdAt
        updatedAt = subscription.updatedAt
        confirmedAt = subscription.confirmedAt
        unsubscribedAt = subscription.unsubscribedAt
    }

    enum CodingKeys: String, CodingKey {
        case newsletter, status
        case createdAt = "created_at", updatedAt = "updated_at", confirmedAt = "confirmed_at"
        case unsubscribedAt = "unsubscribed_at"
    }
}

/// A subscriber in a listing: identity and subscriptions.
struct AdminSubscriberView: Encodable {
    let id: Int64
    let email: String
    let name: String?
    let createdAt: Date
    let updatedAt: Date
    let subscriptions: [AdminSubscriptionView]

    init(_ subscriber: Subscriber, _ subscriptions: [Subscription]) {
        id = subscriber.id
        email = subscriber.email
        name = subscriber.name
        createdAt = subscriber.createdAt
        updatedAt = subscriber.updatedAt
        self.subscriptions = subscriptions.map(AdminSubscriptionView.init)
    }

    enum CodingKeys: String, CodingKey {
        case id, email, name, subscriptions
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}

/// One consent step as the admin API shows it.
struct AdminConsentView: Encodable {
    let newsletter: String?
    let action: ConsentAction
    let ipAddress: String?
    let userAgent: String?
    let source: String?
    let occurredAt: Date

    init(_ event: ConsentEvent) {
        newsletter = event.newsletter
        action = event.action
        ipAddress = event.ipAddress
        userAgent = event.userAgent
        source = event.source
        occurredAt = event.occurredAt
    }

    enum CodingKeys: String, CodingKey {
        case newsletter, action, source
        case ipAddress = "ip_address", userAgent = "user_agent", occurredAt = "occurred_at"
    }
}

/// One subscriber in full: subscriptions, consent history, and why mail is suppressed, if it is.
struct AdminSubscriberDetailView: Encodable {
    let subscriber: AdminSubscriberView
    let consentHistory: [AdminConsentView]
    let suppression: AdminSuppressionView?

    func encode(to encoder: any Encoder) throws {
        try subscriber.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(consentHistory, forKey: .consentHistory)
        try container.encodeIfPresent(suppression, forKey: .suppression)
    }

    enum CodingKeys: String, CodingKey {
        case consentHistory = "consent_history", suppression
    }
}

/// Why mail to an address is suppressed.
struct AdminSuppressionView: Encodable {
    let reason: SuppressionReason
    let detail: String?
    let createdAt: Date

    init(_ entry: SuppressionEntry) {
        reason = entry.reason
        detail = entry.detail
        createdAt = entry.createdAt
    }

    enum CodingKeys: String, CodingKey {
        case reason, detail
        case createdAt = "created_at"
    }
}

/// A page of a listing with the cursor of the next page (absent on the last page).
struct AdminPage<Item: Encodable>: Encodable {
    let items: [Item]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }
}
