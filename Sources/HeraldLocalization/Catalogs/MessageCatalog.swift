/// The messages of one language, read from its PO file: a text per key, or one text per plural
/// category for plural entries. Fuzzy and empty translations count as missing.
public struct MessageCatalog: Sendable {
    /// A message: one text, or the texts of each plural category the language uses.
    public enum Message: Sendable, Equatable {
        case text(String)
        case plural([PluralCategory: String])
    }

    /// The BCP 47 language (the file name without `.po`).
    public let language: String
    /// The file it was read from.
    public let file: String
    /// Key (`msgid`, prefixed by `msgctxt` and U+0004 when there is one) → message.
    public private(set) var messages: [String: Message]
    /// Key → the line of its entry, for consistency reports.
    public private(set) var lines: [String: Int]

    /// The catalog of `language` from PO `bytes`.
    ///
    /// - Throws: ``CatalogError`` for malformed PO text, and for a plural entry whose number of
    ///   `msgstr[n]` is not the number of CLDR categories of `language`.
    public init(language: String, bytes: [UInt8], file: String, plurals: PluralRules) throws(CatalogError) {
        self.language = language
        self.file = file
        let categories = plurals.categories(for: language)
        var messages: [String: Message] = [:]
        var lines: [String: Int] = [:]
        for entry in try POParser.parse(bytes, file: file) where !entry.isHeader && !entry.isFuzzy {
            let key = (entry.context.map { $0 + "\u{4}" } ?? "") + entry.id
            if entry.isPlural {
                guard entry.translations.count == categories.count else {
                    let names = categories.map(\.rawValue).joined(separator: ", ")
                    throw CatalogError(
                        file: file, line: entry.line,
                        reason: "\"\(entry.id.prefix(60))\" has \(entry.translations.count) plural forms; "
                            + "\(language) needs \(categories.count) (\(names))")
                }
                guard entry.translations.allSatisfy({ !$0.isEmpty }) else { continue }
                messages[key] = .plural(Dictionary(uniqueKeysWithValues: zip(categories, entry.translations)))
            } else if let text = entry.translations.first, !text.isEmpty {
                messages[key] = .text(text)
            }
            lines[key] = entry.line
        }
        self.messages = messages
        self.lines = lines
    }

    /// Every key with a translation, sorted.
    public var keys: [String] { messages.keys.sorted() }

    /// This catalog with `other`'s messages added or replacing its own.
    func overridden(by other: MessageCatalog) -> MessageCatalog {
        var merged = self
        merged.messages.merge(other.messages) { _, new in new }
        merged.lines.merge(other.lines) { _, new in new }
        return merged
    }
}
