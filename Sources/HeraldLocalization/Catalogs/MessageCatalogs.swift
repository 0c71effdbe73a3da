import Foundation

/// Every language Herald can speak: the shipped catalogs (`locales/en.po`, `locales/uk.po`) and
/// the operator's from the templates overrides folder (`locales/<language>.po`), which replace
/// shipped messages one by one or add a language. English is the fallback per message.
public struct MessageCatalogs: Sendable {
    /// The language every other falls back to, message by message.
    public static let fallbackLanguage = "en"

    /// The CLDR plural rules in use (`locales/plurals.xml`).
    public let plurals: PluralRules
    private let catalogs: [String: MessageCatalog]
    /// For each operator language, the keys English has that it lacks (each logged once at start-up).
    public let missing: [String: [String]]

    /// The languages there is a catalog for, sorted.
    public var languages: [String] { catalogs.keys.sorted() }

    /// The catalogs of `shipped` (relative path → bytes, e.g. `BuiltInFiles.templates`) with
    /// those of `overrides` laid over them; only `locales/*.po` and `locales/plurals.xml` are read.
    ///
    /// - Throws: ``CatalogError`` naming the file, line and reason when a catalog or the plural
    ///   rules are malformed, a file name is not a language tag, or English is missing.
    public init(shipped: [String: [UInt8]], overrides: [String: [UInt8]] = [:], overrideRoot: String = "")
        throws(CatalogError)
    {
        let rulesPath = "locales/plurals.xml"
        guard let rulesBytes = overrides[rulesPath] ?? shipped[rulesPath] else {
            throw CatalogError(file: rulesPath, line: 0, reason: "the CLDR plural rules are missing")
        }
        let plurals = try PluralRules(xml: rulesBytes, file: rulesPath)
        var catalogs = try Self.read(shipped, root: "", plurals: plurals)
        let own = try Self.read(overrides, root: overrideRoot, plurals: plurals)
        guard let english = (catalogs[Self.fallbackLanguage] ?? own[Self.fallbackLanguage]) else {
            throw CatalogError(file: "locales/en.po", line: 0, reason: "the English catalog is missing")
        }
        var missing: [String: [String]] = [:]
        for (language, catalog) in own {
            let merged = catalogs[language].map { $0.overridden(by: catalog) } ?? catalog
            let lacking = Set(english.messages.keys).subtracting(merged.messages.keys)
            if !lacking.isEmpty { missing[language] = lacking.sorted() }
            catalogs[language] = merged
        }
        self.plurals = plurals
        self.catalogs = catalogs
        self.missing = missing
    }

    /// There is a catalog for `language` or its primary language (`uk` for `uk-UA`).
    public func hasCatalog(for language: String) -> Bool {
        catalogs[language] != nil || catalogs[String(language.prefix { $0 != "-" })] != nil
    }

    /// The catalog of exactly `language`, if there is one.
    public func catalog(_ language: String) -> MessageCatalog? { catalogs[language] }

    /// The texts for `language`: its catalog (or its primary language's, `uk` for `uk-UA`), then English.
    public func messages(for language: String) -> LocalizedMessages {
        let primary = String(language.prefix { $0 != "-" })
        let own = catalogs[language] ?? catalogs[primary]
        let chain = [own, catalogs[Self.fallbackLanguage]].compactMap { $0 }
        let direction = LocalizedFormat(language: language, timeZone: .gmt).direction
        return LocalizedMessages(language: language, direction: direction, catalogs: chain, plurals: plurals)
    }

    private static func read(_ files: [String: [UInt8]], root: String, plurals: PluralRules) throws(CatalogError)
        -> [String: MessageCatalog]
    {
        var catalogs: [String: MessageCatalog] = [:]
        for (path, bytes) in files where path.hasPrefix("locales/") && path.hasSuffix(".po") {
            let name = String(path.dropFirst("locales/".count).dropLast(3))
            let file = root.isEmpty ? path : "\(root)/\(path)"
            guard !name.contains("/"), name != "*", LanguageNegotiation.isRange(name) else {
                throw CatalogError(
                    file: file, line: 0, reason: "the file name must be a language tag (uk.po, pt-BR.po)")
            }
            catalogs[name] = try MessageCatalog(language: name, bytes: bytes, file: file, plurals: plurals)
        }
        return catalogs
    }
}
