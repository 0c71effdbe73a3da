import Foundation

/// A person on one or more lists, identified by the canonical key of their address.
public struct Subscriber: Sendable, Equatable, Codable {
    /// Store-assigned identifier.
    public var id: Int64
    /// The address as the person typed it (trimmed, NFC), for display.
    public var email: String
    /// The address as sent over SMTP (domain in ASCII/punycode).
    public var smtpAddress: String
    /// Case-insensitive key that makes two spellings of one address the same subscriber.
    public var canonicalKey: String
    /// Optional name the person gave.
    public var name: String?
    /// Free-form attributes as a JSON object text (`{}` when none).
    public var attributesJSON: String
    /// The language (BCP 47 tag) mail and pages use for this person; nil means the newsletter's language.
    public var language: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64, email: String, smtpAddress: String, canonicalKey: String, name: String?,
        attributesJSON: String = "{}", language: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.email = email
        self.smtpAddress = smtpAddress
        self.canonicalKey = canonicalKey
        self.name = name
        self.attributesJSON = attributesJSON
        self.language = language
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a caller supplies to create a subscriber; the store assigns the id.
public struct NewSubscriber: Sendable, Equatable {
    public var email: String
    public var smtpAddress: String
    public var canonicalKey: String
    public var name: String?
    public var attributesJSON: String
    /// The language to record (BCP 47 tag), or nil for the newsletter's language.
    public var language: String?
    public var createdAt: Date

    public init(
        email: String, smtpAddress: String, canonicalKey: String, name: String?,
        attributesJSON: String = "{}", language: String? = nil, createdAt: Date
    ) {
        self.email = email
        self.smtpAddress = smtpAddress
        self.canonicalKey = canonicalKey
        self.name = name
        self.attributesJSON = attributesJSON
        self.language = language
        self.createdAt = createdAt
    }
}
