import Foundation
import HeraldCore

/// One subscription as the admin API shows it: the same fields as in a data export.
typealias AdminSubscriptionView = SubscriberDataExport.SubscriptionRecord

/// One consent step as the admin API shows it.
typealias AdminConsentView = SubscriberDataExport.ConsentRecord

/// Why mail to an address is suppressed, as the admin API shows it.
typealias AdminSuppressionView = SubscriberDataExport.SuppressionRecord

/// A subscriber in a listing: identity and subscriptions.
struct AdminSubscriberView: Encodable {
    let id: Int64
    let email: String
    let name: String?
    /// The stored language; null means the newsletter's.
    let language: String?
    let createdAt: Date
    let updatedAt: Date
    let subscriptions: [AdminSubscriptionView]

    init(_ subscriber: Subscriber, _ subscriptions: [Subscription]) {
        id = subscriber.id
        email = subscriber.email
        name = subscriber.name
        language = subscriber.language
        createdAt = subscriber.createdAt
        updatedAt = subscriber.updatedAt
        self.subscriptions = subscriptions.map(AdminSubscriptionView.init)
    }

    enum CodingKeys: String, CodingKey {
        case id, email, name, language, subscriptions
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    /// Every key, `name` and `language` as null when not set.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(email, forKey: .email)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encode(language, forKey: .language)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(subscriptions, forKey: .subscriptions)
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

/// A page of a listing with the cursor of the next page (absent on the last page).
struct AdminPage<Item: Encodable>: Encodable {
    let items: [Item]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }
}
