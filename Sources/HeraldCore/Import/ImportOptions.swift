import Foundation

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

/// What an import did, row by row.
public struct ImportSummary: Sendable, Equatable {
    /// Data rows read (every line but the header and empty lines).
    public var rows = 0
    /// Rows that created a subscription.
    public var imported = 0
    /// Rows for a subscription that existed before the import (name and attributes refreshed).
    public var updated = 0
    /// Rows repeating an address and newsletter seen earlier in the file, merged into it.
    public var duplicatesMerged = 0
    /// Rows for a suppressed (erased, bounced, complained) address, skipped.
    public var suppressedSkipped = 0
    /// Rows rejected, each reported with its line.
    public var invalid = 0
    /// Confirmation mails queued (`--send-confirmation`).
    public var confirmationsQueued = 0
    /// False when `strict` found invalid rows and nothing was written.
    public var committed = true

    public init() {}

    /// One line for the end of the command.
    public var line: String {
        "rows \(rows): imported \(imported), updated \(updated), duplicates merged \(duplicatesMerged), "
            + "suppressed skipped \(suppressedSkipped), invalid \(invalid)"
            + (confirmationsQueued > 0 ? ", confirmations queued \(confirmationsQueued)" : "")
            + (committed ? "" : " — nothing imported (--strict)")
    }
}

/// Progress after each batch.
public struct ImportProgress: Sendable, Equatable {
    public var bytesRead: Int
    public var totalBytes: Int
    public var rows: Int
}

/// Queues the double opt-in mail for subscriptions an import created as pending.
public protocol ImportConfirmationSender: Sendable {
    /// Queues one confirmation for `newsletters` of the subscriber; false when the throttle held it back.
    func queueImportConfirmation(subscriberID: Int64, newsletters: [String], in tx: any StoreTransaction, at time: Date)
        async throws -> Bool
}
