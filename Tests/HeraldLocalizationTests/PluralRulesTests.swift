import HeraldDefaults
import Testing

@testable import HeraldLocalization

/// Plural categories come from CLDR's `plurals.xml` (shipped as `templates/locales/plurals.xml`),
/// evaluated by the rule interpreter.
@Suite("CLDR plural rules")
struct PluralRulesTests {
    static let rules: PluralRules = {
        do {
            return try PluralRules(xml: BuiltInFiles.templates["locales/plurals.xml"] ?? [], file: "plurals.xml")
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    func category(_ written: String, _ language: String) -> PluralCategory? {
        PluralOperands(written).map { Self.rules.category(of: $0, in: language) }
    }

    @Test func ukrainianCountsArticlesAsANativeSpeakerDoes() {
        let expected: [(String, PluralCategory)] = [
            ("0", .many), ("1", .one), ("2", .few), ("5", .many), ("11", .many), ("21", .one), ("22", .few),
            ("25", .many), ("111", .many), ("1.5", .other), ("-1", .one),
        ]
        for (number, category) in expected {
            #expect(self.category(number, "uk") == category, "uk \(number)")
        }
        #expect(Self.rules.categories(for: "uk") == [.one, .few, .many, .other])
        #expect(Self.rules.categories(for: "uk-UA") == [.one, .few, .many, .other])
    }

    @Test func englishHasOneAndOther() {
        let expected: [(String, PluralCategory)] = [
            ("0", .other), ("1", .one), ("2", .other), ("5", .other), ("11", .other), ("21", .other),
            ("22", .other), ("25", .other), ("1.0", .other), ("1.5", .other),
        ]
        for (number, category) in expected {
            #expect(self.category(number, "en") == category, "en \(number)")
        }
        #expect(Self.rules.categories(for: "en") == [.one, .other])
    }

    /// Every sample CLDR lists with each rule of every language falls in that rule's category:
    /// the interpreter agrees with CLDR on all of its own examples.
    @Test func everyCLDRSampleOfEveryLanguageGetsItsCategory() {
        var checked = 0
        for language in Self.rules.languageIDs {
            for entry in Self.rules.entries(for: language) {
                for sample in Self.samples(entry.source) {
                    guard let operands = PluralOperands(sample) else { continue }
                    let found = Self.rules.category(of: operands, in: language)
                    #expect(found == entry.category, "\(language) \(sample): \(found) ≠ \(entry.category)")
                    checked += 1
                }
            }
        }
        #expect(Self.rules.languageIDs.count > 200 && checked > 10_000)
    }

    @Test func malformedRulesAreRefused() {
        for rule in ["n = ", "n % 0 = 1", "x = 1", "n = 5..2", "n == 1", "n = 1 and", "n = 99999999999"] {
            #expect(throws: PluralRuleError.self, "\(rule)") { try PluralRule(rule) }
        }
        let bad = Array("<pluralRules locales=\"xx\">\n<pluralRule count=\"one\">n = = 1</pluralRule>\n".utf8)
        #expect(throws: CatalogError.self) { try PluralRules(xml: bad, file: "plurals.xml") }
    }

    @Test func operandsOfWrittenNumbers() {
        #expect(PluralOperands("1.50") == PluralOperands(i: 1, v: 2, w: 1, f: 50, t: 5))
        for junk in ["", "1e3", "1,5", "١", "1.", ".5", "12345678901234567", "--1", "NaN"] {
            #expect(PluralOperands(junk) == nil, "\(junk)")
        }
    }

    /// The numbers of a rule's `@integer` / `@decimal` samples (`0~15` and `0.0~1.5` expanded;
    /// compact `1c6` skipped).
    static func samples(_ source: String) -> [String] {
        guard let at = source.firstIndex(of: "@") else { return [] }
        var numbers: [String] = []
        for part in source[at...].split(whereSeparator: { $0 == "," || $0 == " " }) {
            let item = String(part)
            if item.hasPrefix("@") || item == "…" || item.contains("c") || item.contains("e") { continue }
            let bounds = item.split(separator: "~").map(String.init)
            guard bounds.count == 2 else {
                numbers.append(item)
                continue
            }
            let decimals = bounds[0].split(separator: ".").dropFirst().first?.count ?? 0
            let scale = (0..<decimals).reduce(1) { result, _ in result * 10 }
            guard let low = Int(bounds[0].replacingOccurrences(".", "")),
                let high = Int(bounds[1].replacingOccurrences(".", ""))
            else { continue }
            for value in low...min(high, low + 500) {
                numbers.append(decimals == 0 ? "\(value)" : "\(value / scale).\(pad(value % scale, decimals))")
            }
        }
        return numbers
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension PluralOperands {
    init(i: Int, v: Int, w: Int, f: Int, t: Int) {
        self.init(0)
        self.i = i
        self.v = v
        self.w = w
        self.f = f
        self.t = t
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
