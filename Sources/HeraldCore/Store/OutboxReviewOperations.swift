import Foundation

/// The outbox as an operator reviews it: mail that failed or waits for another attempt after a
/// failed one, and the operator's retry and discard. A failed mail keeps its message for
/// ``OutboxReview/failedMailRetention`` so that it can be retried once the relay is fixed.
public protocol OutboxReviewOperations: Sendable {
    /// Failed mail not discarded, and pending mail that failed at least one attempt ("deferred"),
    /// newest first, with ids below `beforeID` (all when nil).
    func mailNeedingAttention(beforeID: Int64?, limit: Int) async throws -> [OutboxMessage]
    /// Makes a failed mail that still has its message, or a deferred one, due at `now` with a
    /// fresh attempt budget. False (nothing changed) when the row is gone, sent, being sent,
    /// discarded, or failed so long ago that its message was removed.
    func retryMail(id: Int64, at now: Date) async throws -> Bool
    /// Stops a failed or deferred mail for good: it stays `failed`, its message bytes are removed
    /// and it leaves the attention list. False (nothing changed) when the row is not failed or
    /// pending, or already discarded.
    func discardMail(id: Int64, at time: Date) async throws -> Bool
    /// Removes the message bytes of mail that failed before `cutoff`; returns how many rows.
    func forgetFailedMail(before cutoff: Date) async throws -> Int
}
