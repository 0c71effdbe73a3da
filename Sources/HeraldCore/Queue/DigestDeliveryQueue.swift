import Foundation

extension DigestRecipient: LeasedItem {
    /// The subscriber's id: unique among one issue's deliveries.
    public var id: Int64 { subscriber.id }
}

/// One digest issue's deliveries as a ``LeasedQueue``.
///
/// A claimed row is `claimed` until its run starts the SMTP transaction (`startDigestDelivery`
/// moves it to `sending`); both are held under the lease. A row marked for retry is `deferred`:
/// once due it is claimed again, but never by the run that deferred it (that run already spent
/// its attempts on it; a later run retries it).
public struct DigestDeliveryQueue: LeasedQueue {
    public typealias Operations = any DigestIssueOperations

    /// The issue whose deliveries this queue holds.
    public let issueID: Int64

    public var kind: LeasedQueueKind { .digest }

    /// The deliveries of issue `issueID`.
    public init(issueID: Int64) {
        self.issueID = issueID
    }

    public func claim(owner: String, now: Date, limit: Int, leaseUntil: Date, in tx: Operations) async throws
        -> [DigestRecipient]
    {
        try await tx.claimDigestDeliveries(
            issueID: issueID, owner: owner, now: now, limit: limit, leaseUntil: leaseUntil)
    }

    public func markDone(
        _ item: DigestRecipient, owner: String, attempts: Int, at time: Date, result: String, in tx: Operations
    ) async throws -> Bool {
        try await settle(item, .sent, owner: owner, attempts: attempts, at: time, result: result, in: tx)
    }

    /// Records the row `deferred`, due again at `nextAttemptAt` for another run.
    public func markRetry(
        _ item: DigestRecipient, owner: String, attempts: Int, nextAttemptAt: Date, result: String, in tx: Operations
    ) async throws -> Bool {
        try await tx.settleDigestDelivery(
            issueID: issueID, subscriberID: item.id, owner: owner,
            outcome: DigestDeliveryOutcome(state: .deferred, attempts: attempts, result: result, at: nextAttemptAt))
    }

    public func markFailed(
        _ item: DigestRecipient, owner: String, attempts: Int, at time: Date, result: String, in tx: Operations
    ) async throws -> Bool {
        try await settle(item, .failed, owner: owner, attempts: attempts, at: time, result: result, in: tx)
    }

    /// Records the row `skipped` (not sent: suppressed, or no longer subscribed); never claimed again.
    public func markSkipped(_ item: DigestRecipient, owner: String, at time: Date, result: String, in tx: Operations)
        async throws -> Bool
    {
        try await settle(item, .skipped, owner: owner, attempts: item.attempts, at: time, result: result, in: tx)
    }

    private func settle(
        _ item: DigestRecipient, _ state: DeliveryState, owner: String, attempts: Int, at time: Date,
        result: String, in tx: Operations
    ) async throws -> Bool {
        try await tx.settleDigestDelivery(
            issueID: issueID, subscriberID: item.id, owner: owner,
            outcome: DigestDeliveryOutcome(state: state, attempts: attempts, result: result, at: time))
    }
}
