import Foundation
import HeraldCore

/// How `herald subscribers import` treats a file.
public struct ImportOptions: Sendable {
    /// Newsletter for rows without a `newsletter` cell (default: the first configured one).
    public var newsletter: String?
    /// Status for rows without a `status` cell.
    public var status: SubscriptionStatus
    /// Queue a confirmation mail for every new pending subscription.
    public var sendConfirmation: Bool
    /// Import nothing when any row is invalid.
    public var strict: Bool
    /// Rows per transaction.
    public var batchSize: Int
    public var emailPolicy: EmailValidationPolicy
    /// Who runs the import, recorded in the consent events.
    public var operatorName: String

    public init(
        newsletter: String? = nil, status: SubscriptionStatus = .confirmed, sendConfirmation: Bool = false,
        strict: Bool = false, batchSize: Int = 5000, emailPolicy: EmailValidationPolicy = .default,
        operatorName: String
    ) {
        self.newsletter = newsletter
        self.status = status
        self.sendConfirmation = sendConfirmation
        self.strict = strict
        self.batchSize = batchSize
        self.emailPolicy = emailPolicy
        self.operatorName = operatorName
    }
}

/// Progress after each batch.
public struct ImportProgress: Sendable, Equatable {
    public var bytesRead: Int
    public var totalBytes: Int
    public var rows: Int
}
