import HeraldTestSupport
import Testing

@testable import HeraldTemplates

/// The hand-written partial-tag scanner finds what the regular expression it replaced found.
@Suite("Partial tags")
struct PartialTagsTests {
    /// The expression `TemplateLoader` used before (issue #21, target 4), kept here as the reference.
    private func referenceNames(in text: String) -> [String] {
        let pattern = #/\{\{\s*[<>]\s*([A-Za-z0-9._\/\-]+)\s*\}\}/#
        return text.matches(of: pattern).map { String($0.output.1) }
    }

    @Test(arguments: [
        ("{{> partials/header}}", ["partials/header"]),
        ("{{<layout}}{{$body}}x{{/body}}{{/layout}}", ["layout"]),
        ("{{  >\n\tpartials/footer \u{2003}}}", ["partials/footer"]),
        ("{{{> a}}", ["a"]),
        ("{{> a}}{{> a}}{{>b.c_d-e/f}}", ["a", "a", "b.c_d-e/f"]),
        ("{{>*dynamic}} {{> }} {{name}} {{# section}}", []),
        ("{{> a b}} {{> a}", []),
        ("{{> a}}}", ["a"]),
        ("{{> naïve}} {{> e\u{301}}} {{> \u{0430}}}", []),
        ("{\u{301}{> a}}", []),
        ("", []),
        ("{{", []),
        ("{{>", []),
        ("{{> a}", []),
    ])
    func examples(text: String, expected: [String]) {
        #expect(PartialTags.names(in: text) == expected)
        #expect(referenceNames(in: text) == expected)
    }

    /// 5,000 strings made of random characters and of tag-shaped pieces with every part sometimes wrong
    /// (braces, markers, names, ASCII and Unicode white space, CRLF, combining marks, look-alikes): both
    /// find the same names in each, and the pieces make sure many strings hold real tags.
    @Test func generatedTextAgreesWithTheExpression() {
        var random = SeededRandomNumberGenerator(seed: 20_261_206)
        var stringsWithTags = 0
        for _ in 0..<5_000 {
            let pieces = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                Bool.random(using: &random) ? Self.tagShapedPiece(using: &random) : Self.noise(using: &random)
            }
            let text = pieces.joined()
            let names = PartialTags.names(in: text)
            #expect(names == referenceNames(in: text), "text: \(text.debugDescription)")
            stringsWithTags += names.isEmpty ? 0 : 1
        }
        #expect(stringsWithTags > 400, "only \(stringsWithTags) generated strings held a partial tag")
    }

    /// `{{`, a marker, a name and `}}` with white space between, each part right three times in four.
    private static func tagShapedPiece(using random: inout SeededRandomNumberGenerator) -> String {
        let parts: [(right: [String], wrong: [String])] = [
            (["{{"], ["{", "{{{", "{\u{301}{", "{ {"]),
            (["", " ", "\t\n", "\r\n", "\u{A0}", "\u{2028}", "\u{3000}"], ["\u{301}", "x"]),
            ([">", "<"], ["*", ">*", "\u{FF1E}", "", "#"]),
            (["", "  ", "\u{2003}"], ["\u{301}", "!"]),
            (["a", "partials/x-y_z.1", "layout"], ["", "é", "a\u{301}", "b c", "\u{0430}", "a}"]),
            (["", " ", "\n"], ["\u{301}", "?"]),
            (["}}"], ["}", "} }", "}\u{301}}"]),
        ]
        return parts.map { part in
            let choices = Int.random(in: 0..<4, using: &random) < 3 ? part.right : part.wrong
            return choices.randomElement(using: &random)!
        }.joined()
    }

    /// Up to eight characters from those that matter to the scanner.
    private static func noise(using random: inout SeededRandomNumberGenerator) -> String {
        let alphabet = [
            "{", "}", ">", "<", "a", "Z", "0", ".", "_", "/", "-", "*", "!", "\u{FE5B}", " ", "\n", "\r\n", "\u{A0}",
            "\u{301}",
        ]
        return (0..<Int.random(in: 0...8, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            .joined()
    }
}
