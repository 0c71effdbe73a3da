/// The line-by-line state of ``POParser``: the entry being read and the ones finished.
struct POReader {
    private enum Field: Equatable {
        case context, id, pluralID, translation(Int)
    }

    let file: String
    private(set) var entries: [POEntry] = []
    private var seen: [String: Int] = [:]
    private var context: String?
    private var id: String?
    private var pluralID: String?
    private var translations: [Int: String] = [:]
    private var comments: [String] = []
    private var flags: [String] = []
    private var start = 0
    private var last: Field?

    init(file: String) { self.file = file }

    /// Reads one line (without its line break).
    mutating func read(_ raw: String, number: Int) throws(CatalogError) {
        let line = raw.trimmingWhitespace
        if line.isEmpty { return }
        if line.hasPrefix("#") { return try comment(line, number: number) }
        if line.hasPrefix("\"") {
            guard let last else { throw error(number, "a string that continues no keyword") }
            let text = try POString.parse(line, file: file, line: number)
            append(text, to: last)
            return
        }
        let keyword = String(line.prefix { !$0.isWhitespace })
        let rest = line.dropFirst(keyword.count).trimmingWhitespace
        guard let field = Self.field(keyword) else { throw error(number, "unknown keyword '\(keyword.prefix(40))'") }
        let text = try POString.parse(rest, file: file, line: number)
        try set(field, text, number: number)
    }

    /// The entries read; fails when the file ends inside an entry.
    mutating func finish() throws(CatalogError) -> [POEntry] {
        try close(at: start)
        return entries
    }

    private static func field(_ keyword: String) -> Field? {
        switch keyword {
        case "msgctxt": return .context
        case "msgid": return .id
        case "msgid_plural": return .pluralID
        case "msgstr": return .translation(-1)
        default:
            guard keyword.hasPrefix("msgstr["), keyword.hasSuffix("]") else { return nil }
            let digits = keyword.dropFirst(7).dropLast()
            guard !digits.isEmpty, digits.count <= 2, digits.allSatisfy(\.isASCII), let index = Int(digits) else {
                return nil
            }
            return .translation(index)
        }
    }

    private mutating func comment(_ line: String, number: Int) throws(CatalogError) {
        if id != nil && !translations.isEmpty { try close(at: number) }
        if line.hasPrefix("#.") {
            comments.append(line.dropFirst(2).trimmingWhitespace)
        } else if line.hasPrefix("#,") {
            flags += line.dropFirst(2).split(separator: ",").map { $0.trimmingWhitespace }
        }
    }

    private mutating func set(_ field: Field, _ text: String, number: Int) throws(CatalogError) {
        switch field {
        case .context, .id:
            if id != nil || context != nil, !translations.isEmpty { try close(at: number) }
            if field == .context, context != nil || id != nil { throw error(number, "msgctxt must come before msgid") }
            if field == .id, id != nil { throw error(number, "msgid without msgstr before it") }
            if id == nil && context == nil { start = number }
            if field == .context { context = text } else { id = text }
        case .pluralID:
            guard id != nil, pluralID == nil, translations.isEmpty else {
                throw error(number, "msgid_plural must follow msgid once")
            }
            pluralID = text
        case .translation(let index):
            guard id != nil else { throw error(number, "msgstr without msgid") }
            if index < 0, pluralID != nil { throw error(number, "a plural entry needs msgstr[0], msgstr[1], …") }
            if index >= 0, pluralID == nil { throw error(number, "msgstr[\(index)] without msgid_plural") }
            let slot = max(index, 0)
            if translations[slot] != nil { throw error(number, "msgstr given twice") }
            guard slot == translations.count else { throw error(number, "msgstr[\(index)] out of order") }
            translations[slot] = text
        }
        last = field == .translation(-1) ? .translation(0) : field
    }

    private mutating func append(_ text: String, to field: Field) {
        switch field {
        case .context: context? += text
        case .id: id? += text
        case .pluralID: pluralID? += text
        case .translation(let index): translations[index]? += text
        }
    }

    private mutating func close(at number: Int) throws(CatalogError) {
        defer { reset() }
        guard context != nil || id != nil else { return }
        guard let id else { throw error(start, "msgctxt without msgid") }
        guard !translations.isEmpty else { throw error(start, "msgid \"\(id.prefix(60))\" has no msgstr") }
        let key = (context.map { $0 + "\u{4}" } ?? "") + id
        if let first = seen[key] {
            throw error(start, "duplicate message \"\(id.prefix(60))\" (first at line \(first))")
        }
        seen[key] = start
        entries.append(
            POEntry(
                context: context, id: id, pluralID: pluralID,
                translations: (0..<translations.count).map { translations[$0] ?? "" }, comments: comments,
                flags: flags, line: start))
    }

    private mutating func reset() {
        context = nil
        id = nil
        pluralID = nil
        translations = [:]
        comments = []
        flags = []
        last = nil
    }

    private func error(_ line: Int, _ reason: String) -> CatalogError {
        CatalogError(file: file, line: line, reason: reason)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
