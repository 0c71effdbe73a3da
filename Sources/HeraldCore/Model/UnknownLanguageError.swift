/// A language was asked for (preferences page, admin API, CSV import) that the subscriber's
/// newsletters do not offer; nothing was changed.
public struct UnknownLanguageError: Error, Sendable, Equatable {
    /// What was asked for, cut to 64 characters (it may be hostile).
    public let requested: String
    /// The languages that may be asked for, the first newsletter's default first.
    public let offered: [String]

    /// An error for `requested` (kept to its first 64 characters) among `offered`.
    public init(requested: String, offered: [String]) {
        self.requested = String(requested.prefix(64))
        self.offered = offered
    }
}
