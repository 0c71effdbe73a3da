import Foundation
import HeraldCore
import HeraldMail
import Testing

@Suite("Quoted-printable encoding")
struct QuotedPrintableTests {
    @Test(
        "known vectors",
        arguments: [
            ("plain ASCII", "plain ASCII"),
            ("a=b", "a=3Db"),
            ("café", "caf=C3=A9"),
            ("Привіт", "=D0=9F=D1=80=D0=B8=D0=B2=D1=96=D1=82"),
            ("trailing space ", "trailing space=20"),
            ("tab\t\nnext", "tab=09\r\nnext"),
            ("inner space stays\nx", "inner space stays\r\nx"),
            (".leading dot\n.", "=2Eleading dot\r\n=2E"),
            ("From the editor", "=46rom the editor"),
            ("one\r\ntwo\rthree\nfour\n", "one\r\ntwo\r\nthree\r\nfour\r\n"),
            ("\u{1}\u{7F}", "=01=7F"),
            ("", ""),
        ]
    )
    func knownVectors(input: String, expected: String) {
        #expect(QuotedPrintable.encode(input) == expected)
    }

    @Test func aLineOfExactly76CharactersNeedsNoSoftBreak() {
        let line = String(repeating: "a", count: 76)
        #expect(QuotedPrintable.encode(line) == line)
    }

    @Test func longLinesGetSoftBreaksAt76Characters() {
        let encoded = QuotedPrintable.encode(String(repeating: "a", count: 77))
        #expect(encoded == String(repeating: "a", count: 75) + "=\r\naa")
    }

    @Test func escapesAreNeverSplitBySoftBreaks() {
        let encoded = QuotedPrintable.encode(String(repeating: "a", count: 74) + "é")
        #expect(encoded == String(repeating: "a", count: 74) + "=\r\n=C3=A9")
    }

    @Test func aDotMovedToTheStartOfALineBySoftBreakIsEscaped() {
        let encoded = QuotedPrintable.encode(String(repeating: "a", count: 75) + ".b")
        #expect(encoded == String(repeating: "a", count: 75) + "=\r\n=2Eb")
    }

    @Test(
        "round trip and line invariants",
        arguments: [
            Fixtures.text, Fixtures.html, String(Fixtures.longLine), "   ", "=\n=\n", ".\n..\n...",
            String(repeating: "👨‍👩‍👧‍👦 ", count: 40), String(repeating: "x ", count: 100),
        ]
    )
    func roundTripsAndKeepsLinesShort(text: String) {
        let encoded = QuotedPrintable.encode(text)
        #expect(TestDecoders.quotedPrintable(encoded) == normalizedLineBreaks(text))
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
            #expect(!line.hasPrefix("."))
            #expect(line.utf8.allSatisfy { $0 >= 32 && $0 < 127 })
        }
        #expect(!encoded.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    private func normalizedLineBreaks(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
