/// One entry of a gettext PO file: a message (or a message with plural forms), with its context
/// and the comments translators read.
public struct POEntry: Sendable, Equatable {
    /// `msgctxt`, telling apart equal source texts used in different places; `nil` when absent.
    public var context: String?
    /// `msgid`: in Herald's catalogs, the message key (`signup.title`).
    public var id: String
    /// `msgid_plural`; `nil` for a message without plural forms.
    public var pluralID: String?
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]`, … in order for a plural entry.
    public var translations: [String]
    /// Extracted comments (`#.`), the context for translators.
    public var comments: [String]
    /// Flags (`#, fuzzy`, `#, c-format`).
    public var flags: [String]
    /// The 1-based line where the entry starts, for messages about it.
    public var line: Int

    /// An entry.
    public init(
        context: String? = nil, id: String, pluralID: String? = nil, translations: [String], comments: [String] = [],
        flags: [String] = [], line: Int = 0
    ) {
        self.context = context
        self.id = id
        self.pluralID = pluralID
        self.translations = translations
        self.comments = comments
        self.flags = flags
        self.line = line
    }

    /// The entry has plural forms (`msgid_plural`).
    public var isPlural: Bool { pluralID != nil }
    /// The gettext header (the entry with an empty `msgid` and no context).
    public var isHeader: Bool { id.isEmpty && context == nil }
    /// Marked `fuzzy`: a translation awaiting review, which gettext tools do not use.
    public var isFuzzy: Bool { flags.contains("fuzzy") }
}
