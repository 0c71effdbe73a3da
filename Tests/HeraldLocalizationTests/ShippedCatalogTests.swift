import Foundation
import HeraldDefaults
import Testing

@testable import HeraldLocalization

/// The consistency of the shipped catalogs with the templates: every key a template uses exists
/// in every shipped language, nothing unused is shipped, placeholders agree with English, and a
/// key used with a number is a plural entry with every CLDR form. A missing translation fails here
/// (shipped languages never fall back to English silently).
@Suite("Shipped catalogs")
struct ShippedCatalogTests {
    static let catalogs: MessageCatalogs = {
        do {
            return try MessageCatalogs(shipped: BuiltInFiles.templates)
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    /// Every `{{#t}}key{{/t}}` / `{{#t}}key count{{/t}}` in the built-in templates: key → used with a number.
    static let used: [String: Bool] = {
        var used: [String: Bool] = [:]
        for (path, bytes) in BuiltInFiles.templates where path.hasSuffix(".mustache") {
            var text = Substring(decoding: bytes, as: UTF8.self)
            while let open = text.range(of: "{{#t}}"), let close = text[open.upperBound...].range(of: "{{/t}}") {
                let words = text[open.upperBound..<close.lowerBound].split(separator: " ")
                if let key = words.first {
                    used[String(key), default: false] = used[String(key)] == true || words.count > 1
                }
                text = text[close.upperBound...]
            }
        }
        return used
    }()

    @Test func englishAndUkrainianAreShipped() {
        #expect(Self.catalogs.languages == ["en", "uk"])
        #expect(Self.catalogs.missing.isEmpty)
        #expect(Self.used.count > 50)
    }

    @Test func everyKeyATemplateUsesIsInEveryShippedCatalog() throws {
        for language in Self.catalogs.languages {
            let catalog = try #require(Self.catalogs.catalog(language))
            let missing = Set(Self.used.keys).subtracting(catalog.keys)
            #expect(missing.isEmpty, "\(language).po lacks \(missing.sorted())")
        }
    }

    @Test func noShippedEntryIsUnused() throws {
        for language in Self.catalogs.languages {
            // `api.*` entries are used by the server's JSON errors; HeraldServerTests checks those.
            // `language.name` names the language in language lists (TemplateLibrary.languageName).
            let catalog = try #require(Self.catalogs.catalog(language))
            let unused = Set(catalog.keys.filter { !$0.hasPrefix("api.") && $0 != "language.name" })
                .subtracting(Self.used.keys)
            #expect(unused.isEmpty, "\(language).po has entries no template uses: \(unused.sorted())")
        }
    }

    @Test func everyShippedLanguageNamesItself() throws {
        let names = try Self.catalogs.languages.map { language in
            try #require(Self.catalogs.catalog(language)).messages["language.name"]
        }
        #expect(names == [.text("English"), .text("Українська")])
    }

    @Test func placeholdersMatchEnglish() throws {
        let english = try #require(Self.catalogs.catalog("en"))
        for language in Self.catalogs.languages where language != "en" {
            let catalog = try #require(Self.catalogs.catalog(language))
            for key in catalog.keys {
                let expected = Self.placeholders(english.messages[key])
                let found = Self.placeholders(catalog.messages[key])
                #expect(found == expected, "\(language) \(key): \(found) ≠ \(expected)")
            }
        }
    }

    @Test func keysUsedWithANumberArePluralWithEveryCLDRForm() throws {
        for language in Self.catalogs.languages {
            let catalog = try #require(Self.catalogs.catalog(language))
            let forms = Self.catalogs.plurals.categories(for: language)
            for (key, counted) in Self.used where counted {
                guard case .plural(let texts) = catalog.messages[key] else {
                    Issue.record("\(language) \(key) is used with a number but is not a plural entry")
                    continue
                }
                #expect(Set(texts.keys) == Set(forms), "\(language) \(key)")
            }
        }
    }

    static func placeholders(_ message: MessageCatalog.Message?) -> [[String]] {
        switch message {
        case .text(let text): [MessagePlaceholders.names(in: text)]
        case .plural(let forms):
            Array(Set(forms.values.map { MessagePlaceholders.names(in: $0) })).sorted { "\($0)" < "\($1)" }
        case nil: []
        }
    }
}
