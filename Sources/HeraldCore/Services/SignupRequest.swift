import Foundation

/// Where a request came from, recorded with each consent event.
public struct RequestOrigin: Sendable, Equatable {
    public var ipAddress: String?
    public var userAgent: String?
    /// Page URL or form id.
    public var source: String?

    public init(ipAddress: String? = nil, userAgent: String? = nil, source: String? = nil) {
        self.ipAddress = ipAddress
        self.userAgent = userAgent
        self.source = source
    }
}

/// A validated signup: the address, an optional name, the newsletters (known slugs) and its origin.
public struct SignupRequest: Sendable {
    public var email: EmailAddress
    public var name: String?
    public var newsletters: [String]
    public var origin: RequestOrigin
    /// Whether signups look like an attack right now: the confirmation mail throttle tightens to
    /// `SignupPolicy.mailsPerDayUnderAttack`.
    public var underAttack: Bool
    /// The reader's language (BCP 47, one the newsletter offers); `nil` means the newsletter's.
    public var language: String?

    public init(
        email: EmailAddress, name: String?, newsletters: [String], origin: RequestOrigin, underAttack: Bool = false,
        language: String? = nil
    ) {
        self.language = language
        self.email = email
        self.name = name
        self.newsletters = newsletters
        self.origin = origin
        self.underAttack = underAttack
    }
}

/// What a signup did. Never shown to the person (responses are identical); used for metrics and tests.
public enum SignupOutcome: String, Sendable, Equatable {
    /// A confirmation mail was queued.
    case confirmationQueued = "confirmation_queued"
    /// A confirmation was due but the per-address throttle held it back.
    case confirmationThrottled = "confirmation_throttled"
    /// Already confirmed everywhere asked; an "already subscribed" mail was queued.
    case alreadySubscribedNotified = "already_subscribed_notified"
    /// Already confirmed; the reminder was throttled.
    case alreadySubscribedThrottled = "already_subscribed_throttled"
    /// The address is suppressed (bounce, complaint, admin): nothing was recorded or sent.
    case suppressed
}
