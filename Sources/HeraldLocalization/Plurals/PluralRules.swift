import Foundation

/// The cardinal plural rules of every language in a CLDR `plurals.xml` (Herald ships CLDR 41's
/// file as `templates/locales/plurals.xml`), and the category a number takes in a language.
public struct PluralRules: Sendable {
    /// One rule of a language, with its CLDR source text (samples included).
    public struct Entry: Sendable {
        /// The category the rule selects.
        public var category: PluralCategory
        /// The parsed condition.
        public var rule: PluralRule
        /// The rule as CLDR writes it, with its `@integer` / `@decimal` samples.
        public var source: String
    }

    private let languages: [String: [Entry]]

    /// Every language (CLDR locale id, `pt_PT` style) the file has rules for.
    public var languageIDs: [String] { languages.keys.sorted() }

    /// The rules of `plurals.xml` text `bytes`.
    ///
    /// - Throws: ``CatalogError`` naming `file` and the line of a rule that does not parse, a
    ///   category CLDR does not have, or a file without rules.
    public init(xml bytes: [UInt8], file: String) throws(CatalogError) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CatalogError(file: file, line: 0, reason: "not valid UTF-8")
        }
        var languages: [String: [Entry]] = [:]
        var current: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let locales = Self.attribute("locales", in: line, tag: "<pluralRules ") {
                current = locales.split(separator: " ").map(String.init)
            } else if let count = Self.attribute("count", in: line, tag: "<pluralRule ") {
                let entry = try Self.entry(count: count, line: line, file: file, number: index + 1)
                for language in current { languages[language, default: []].append(entry) }
            }
        }
        guard !languages.isEmpty else { throw CatalogError(file: file, line: 0, reason: "no <pluralRules> found") }
        self.languages = languages
    }

    /// The rules for a BCP 47 `language` (`uk`, `pt-PT`): the exact locale, else its primary
    /// language, else CLDR's `root` (everything is `other`).
    public func entries(for language: String) -> [Entry] {
        let id = language.replacingOccurrences(of: "-", with: "_")
        let primary = String(id.prefix { $0 != "_" }).lowercased()
        return languages[id] ?? languages[primary] ?? languages["root"] ?? []
    }

    /// The categories `language` uses, in CLDR order (the order of `msgstr[n]`).
    public func categories(for language: String) -> [PluralCategory] {
        let found = Set(entries(for: language).map(\.category)).union([.other])
        return found.sorted()
    }

    /// The category of `operands` in `language`: the first rule that matches, else `other`.
    public func category(of operands: PluralOperands, in language: String) -> PluralCategory {
        entries(for: language).first { $0.category != .other && $0.rule.matches(operands) }?.category ?? .other
    }

    private static func entry(count: String, line: Substring, file: String, number: Int) throws(CatalogError)
        -> Entry
    {
        guard let category = PluralCategory(rawValue: count) else {
            throw CatalogError(file: file, line: number, reason: "unknown plural category '\(count.prefix(20))'")
        }
        guard let open = line.range(of: ">"), let close = line.range(of: "</pluralRule>") else {
            throw CatalogError(file: file, line: number, reason: "a <pluralRule> must be on one line")
        }
        let source = String(line[open.upperBound..<close.lowerBound])
        do {
            return Entry(category: category, rule: try PluralRule(source), source: source)
        } catch {
            throw CatalogError(file: file, line: number, reason: "\(error)")
        }
    }

    private static func attribute(_ name: String, in line: Substring, tag: String) -> String? {
        guard line.contains(tag), let start = line.range(of: "\(name)=\"") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
