import Foundation

/// What queueing an import's confirmation mail touches: the subscriber, a token, the outbox.
public typealias ImportConfirmationOperations = SubscriberOperations & TokenOperations & OutboxOperations

extension SubscriptionService {
    /// Queues the double opt-in mail for an imported pending subscriber, through the outbox and
    /// the per-address throttle like a signup.
    public func queueImportConfirmation(
        subscriberID: Int64, newsletters slugs: [String], in tx: any ImportConfirmationOperations, at time: Date
    ) async throws -> Bool {
        guard let subscriber = try await tx.subscriber(id: subscriberID) else { return false }
        let pending = slugs.compactMap(newsletter)
        guard !pending.isEmpty else { return false }
        return try await queueConfirmation(subscriber, pending, in: tx, at: time) == .confirmationQueued
    }
}
