import HeraldCore

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
