import Foundation

/// What a person did that changed their consent; the proof of opt-in GDPR asks for.
public enum ConsentAction: String, Sendable, Codable, CaseIterable {
    case signup
    case confirm
    case unsubscribe
    case preferenceChange = "preference_change"
    case adminChange = "admin_change"
    case importConsent = "import"
    /// A person whose address had been erased signed up again themselves, lifting the suppression.
    case suppressionLifted = "suppression_lifted"
}

/// One recorded consent step: who, what, when, from where.
public struct ConsentEvent: Sendable, Equatable, Codable {
    public var subscriberID: Int64
    public var newsletter: String?
    public var action: ConsentAction
    public var ipAddress: String?
    public var userAgent: String?
    /// Page URL or form id the step came from.
    public var source: String?
    public var occurredAt: Date

    public init(
        subscriberID: Int64, newsletter: String?, action: ConsentAction, ipAddress: String? = nil,
        userAgent: String? = nil, source: String? = nil, occurredAt: Date
    ) {
        self.subscriberID = subscriberID
        self.newsletter = newsletter
        self.action = action
        self.ipAddress = ipAddress
        self.userAgent = userAgent
        self.source = source
        self.occurredAt = occurredAt
    }
}
