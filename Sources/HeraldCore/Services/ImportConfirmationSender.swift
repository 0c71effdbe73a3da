import Foundation

/// Queues the double opt-in mail for subscriptions an import created as pending.
public protocol ImportConfirmationSender: Sendable {
    /// Queues one confirmation for `newsletters` of the subscriber; false when the throttle held it back.
    func queueImportConfirmation(
        subscriberID: Int64, newsletters: [String], in tx: any ImportConfirmationOperations, at time: Date
    )
        async throws -> Bool
}
