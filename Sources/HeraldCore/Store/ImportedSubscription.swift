import Foundation

/// One validated import row: a person and their standing with one newsletter.
public struct ImportedSubscription: Sendable, Equatable {
    public var email: String
    public var smtpAddress: String
    public var canonicalKey: String
    /// nil keeps a stored name.
    public var name: String?
    /// Attributes to merge into the stored ones, a JSON object text (`{}` when none).
    public var attributesJSON: String
    public var newsletter: String
    /// The language the file names (a BCP 47 tag the newsletter offers); nil keeps a stored
    /// subscriber's language.
    public var language: String?
    /// The language a new subscriber is stored with when `language` is nil (the newsletter's own,
    /// as a signup without a language records it).
    public var newSubscriberLanguage: String?
    public var status: SubscriptionStatus
    /// When the person originally subscribed (from the file), else the import time.
    public var createdAt: Date
    /// When they confirmed (from the file), else the import time for `confirmed` rows.
    public var confirmedAt: Date?

    public init(
        address: EmailAddress, name: String?, attributesJSON: String, newsletter: String, language: String? = nil,
        newSubscriberLanguage: String? = nil, status: SubscriptionStatus, createdAt: Date, confirmedAt: Date?
    ) {
        email = address.typed
        smtpAddress = address.smtpAddress
        canonicalKey = address.canonicalKey
        self.name = name
        self.attributesJSON = attributesJSON
        self.newsletter = newsletter
        self.language = language
        self.newSubscriberLanguage = newSubscriberLanguage
        self.status = status
        self.createdAt = createdAt
        self.confirmedAt = confirmedAt
    }
}

/// One batch of an import, written in one transaction.
public struct SubscriberImportBatch: Sendable {
    /// Unique by (canonical key, newsletter).
    public var rows: [ImportedSubscription]
    public var importedAt: Date
    /// The consent event's source, naming the file and the operator.
    public var consentSource: String

    public init(rows: [ImportedSubscription], importedAt: Date, consentSource: String) {
        self.rows = rows
        self.importedAt = importedAt
        self.consentSource = consentSource
    }
}

/// (canonical key, newsletter): one subscription's identity in an import.
public struct ImportKey: Hashable, Sendable {
    public var canonicalKey: String
    public var newsletter: String

    public init(canonicalKey: String, newsletter: String) {
        self.canonicalKey = canonicalKey
        self.newsletter = newsletter
    }
}

/// What a batch did.
public struct SubscriberImportBatchResult: Sendable, Equatable {
    /// Subscriptions of the batch that existed before it, with their `updatedAt` then.
    public var preexisting: [ImportKey: Date]
    /// The subscriptions the batch created or changed (pending → confirmed), now.
    public var changed: [Subscription]

    public init(preexisting: [ImportKey: Date], changed: [Subscription]) {
        self.preexisting = preexisting
        self.changed = changed
    }
}

/// One exported row: a subscriber and one of their subscriptions.
public struct SubscriberExportRow: Sendable, Equatable {
    public var subscriber: Subscriber
    public var subscription: Subscription

    public init(subscriber: Subscriber, subscription: Subscription) {
        self.subscriber = subscriber
        self.subscription = subscription
    }
}
