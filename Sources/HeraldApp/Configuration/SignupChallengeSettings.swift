import HeraldCore

/// When `POST /subscribe` asks for a solved proof-of-work challenge, and how hard it is.
public struct SignupChallengeSettings: Sendable, Equatable {
    /// `signup_challenge`: never, always, or only while signups look like an attack.
    public enum Mode: String, Sendable, Equatable, CaseIterable {
        case off
        case always
        case auto
    }

    public var mode = Mode.auto
    /// The `maxnumber` of issued challenges (a browser tries half of it on average).
    public var difficulty = 100_000
    /// Seconds an issued challenge may be solved and sent.
    public var lifetimeSeconds = 600
    /// Signups per minute, over every client, that mean an attack (auto mode).
    public var overallPerMinute = 60
    /// Signups per minute from one /24 IPv4 or /56 IPv6 network that mean an attack.
    public var networkPerMinute = 10
    /// Signups per minute for addresses at one domain that mean an attack.
    public var domainPerMinute = 30
    /// Seconds over which the rates are measured (the limits scale with it).
    public var windowSeconds = 60
    /// Seconds the attack state lasts after the rates were last exceeded.
    public var holdSeconds = 600

    public init() {}
}
