import Foundation

/// What one written import batch came to.
public struct SubscriberImportBatchOutcome: Sendable {
    /// The rows written (the batch without its suppressed addresses).
    public var kept: [ImportedSubscription]
    public var result: SubscriberImportBatchResult
    /// Confirmation mails queued.
    public var confirmations: Int
}
