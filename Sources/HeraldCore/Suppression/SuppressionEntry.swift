import Foundation

/// Why an address receives no mail.
public enum SuppressionReason: String, Sendable, Codable, CaseIterable, Equatable {
    /// The person was erased (GDPR); only they can lift it, by signing up again themselves.
    case erased
    /// A permanent delivery failure.
    case hardBounce = "hard_bounce"
    /// The recipient reported a message as spam.
    case complaint
    /// Too many passing delivery failures within the configured window.
    case softBounces = "soft_bounces"
    /// An administrator suppressed the address.
    case admin

    /// Whether a self signup through the web form lifts this suppression (only an erasure does).
    public var liftedBySelfSignup: Bool { self == .erased }
}

/// One suppressed address, known only by the keyed hash of its canonical key.
public struct SuppressionEntry: Sendable, Equatable, Codable {
    /// Lower-case hex HMAC-SHA256 of the canonical address key (see ``SuppressionList``).
    public var addressHash: String
    public var reason: SuppressionReason
    /// Free text for operators (never the address): "erased by api:newsroom", a bounce diagnostic.
    public var detail: String?
    public var createdAt: Date

    public init(addressHash: String, reason: SuppressionReason, detail: String?, createdAt: Date) {
        self.addressHash = addressHash
        self.reason = reason
        self.detail = detail
        self.createdAt = createdAt
    }
}
