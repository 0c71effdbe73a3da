import Foundation

/// What a run records about one claimed digest delivery (see ``DigestIssueOperations/settleDigestDelivery(issueID:subscriberID:owner:outcome:)``).
public struct DigestDeliveryOutcome: Sendable, Equatable {
    /// `sent`, `deferred`, `failed` or `skipped`.
    public var state: DeliveryState
    /// SMTP attempts made on the row so far, over every run.
    public var attempts: Int
    /// The server's reply or why the row was not sent.
    public var result: String
    /// When it happened; for `deferred`, when the row is due again.
    public var at: Date

    public init(state: DeliveryState, attempts: Int, result: String, at: Date) {
        self.state = state
        self.attempts = attempts
        self.result = result
        self.at = at
    }
}
