import Foundation

/// What a token lets its holder do.
public enum TokenPurpose: String, Sendable, Codable, CaseIterable {
    /// Confirm one pending subscription (single use).
    case confirm
    /// Unsubscribe from one newsletter, and open the preferences page (reusable, long-lived).
    case manage
}

/// A token as stored: only the SHA-256 hash of the secret the person holds.
public struct TokenRecord: Sendable, Equatable, Codable {
    /// Lower-case hex SHA-256 of the token secret.
    public var hash: String
    public var purpose: TokenPurpose
    public var subscriberID: Int64
    public var newsletter: String?
    public var createdAt: Date
    public var expiresAt: Date
    public var usedAt: Date?
    /// The name typed with the signup this confirm token answers: kept here, out of the subscriber
    /// row and out of every mail, until the address owner confirms (then it becomes the name).
    public var pendingName: String?

    public init(
        hash: String, purpose: TokenPurpose, subscriberID: Int64, newsletter: String?, createdAt: Date,
        expiresAt: Date, usedAt: Date? = nil, pendingName: String? = nil
    ) {
        self.hash = hash
        self.purpose = purpose
        self.subscriberID = subscriberID
        self.newsletter = newsletter
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
        self.pendingName = pendingName
    }
}
