import Foundation

/// One digest delivery as stored, for status pages and tests.
public struct DigestDeliveryRecord: Sendable, Equatable {
    public var state: DeliveryState
    /// The run that claimed it last, if any.
    public var owner: String?
    public var attempts: Int
    /// While claimed or sending: when the lease ends; while deferred: when it is due again.
    public var nextAttemptAt: Date?
    public var result: String?

    public init(state: DeliveryState, owner: String?, attempts: Int, nextAttemptAt: Date?, result: String?) {
        self.state = state
        self.owner = owner
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.result = result
    }
}
