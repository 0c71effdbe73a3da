import Foundation
import HeraldCore
import HeraldMail
import Testing

@Suite("Quoted-printable templates (shared lines encoded once)")
struct QuotedPrintableTemplateTests {
    typealias Piece = QuotedPrintableTemplate.Piece

    /// What the template must produce: the whole filled-in text encoded at once.
    private func expected(_ pieces: [Piece], _ values: [String]) -> [UInt8] {
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let fixed): text += fixed
            case .hole(let index): text += values.indices.contains(index) ? values[index] : ""
            }
        }
        return QuotedPrintable.encodedBytes(text)
    }

    private func check(_ pieces: [Piece], _ values: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let encoded = QuotedPrintableTemplate(pieces).encode(filling: values)
        #expect(
            String(decoding: encoded, as: UTF8.self) == String(decoding: expected(pieces, values), as: UTF8.self),
            sourceLocation: sourceLocation)
    }

    @Test func breaksSplitAcrossPiecesAndValuesEncodeLikeTheWholeText() {
        check([.text("one\r"), .text("\ntwo")], [])
        check([.text("one\r"), .hole(0), .text("two\n")], ["\nhello"])
        check([.hole(0), .text("\n")], ["ends with CR\r"])
        check([.text("a "), .hole(0), .text("\nb")], [""])  // the space ends the line: escaped
        check([.text("x\n"), .hole(0), .text("rom here\n")], ["F"])  // "From " at a line start
        check([.text("x\n"), .hole(0), .text("dot\n")], ["."])
        check([.text("\r\r\n\n"), .hole(1), .text("\r")], ["unused", "multi\r\nline\rvalue\n"])
        check([.hole(0), .hole(1), .hole(0)], ["=", " "])
        check([], ["nothing"])
    }

    @Test func softBreaksDependOnWhatTheHoleHolds() {
        let long = String(repeating: "é", count: 30)
        for value in ["", "a", String(repeating: "b", count: 75), String(repeating: "=", count: 40), long] {
            check([.text(long), .hole(0), .text(long + "\n" + long)], [value])
        }
    }

    @Test func hostileAndOversizedValuesAreEncodedNotInterpreted() {
        let pieces: [Piece] = [.text("<p>Hi "), .hole(0), .text("</p>\n<a href=\""), .hole(1), .text("\">x</a>\n")]
        check(pieces, ["<script>alert(1)</script>\r\n.\r\nQUIT\r\n", "'; DROP TABLE subscribers; --"])
        check(pieces, [String(repeating: "Ω\r\n", count: 40_000)])
        check(pieces, [])  // missing values are empty
        check([.hole(7)], ["only one value"])
    }

    @Test func randomTextsAndValuesEncodeLikeTheWholeText() {
        var random = SplitMix(seed: 20_261_125)
        let alphabet = ["a", "b", " ", "\t", "\r", "\n", "\r\n", ".", "F", "From ", "=", "é", "💌", "-", "x\n.", "=\r"]
        func text(_ maxLength: Int) -> String {
            (0..<random.next(below: maxLength + 1)).map { _ in alphabet[random.next(below: alphabet.count)] }.joined()
        }
        for _ in 0..<2_000 {
            var pieces: [Piece] = []
            for _ in 0..<random.next(below: 8) {
                pieces.append(random.next(below: 3) == 0 ? .hole(random.next(below: 3)) : .text(text(120)))
            }
            check(pieces, (0..<3).map { _ in text(90) })
        }
    }

    @Test func linesWithoutHolesAreEncodedOnceUpFront() {
        let shared = (1...200).map { "Article \($0): a line of the digest that every reader gets.\n" }.joined()
        let template = QuotedPrintableTemplate([
            .text("Hello "), .hole(0), .text(",\n" + shared), .text("Unsubscribe: "), .hole(1), .text("\nBye\n"),
        ])
        #expect(template.dynamicLineCount == 2)
        #expect(template.encodedByteCount > shared.utf8.count)
    }
}

/// A small deterministic generator, so a failure reproduces.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
    }
}

@Suite("Messages assembled from a body template")
struct BodyTemplateAssemblyTests {
    /// The message with its random multipart boundary replaced by a fixed word.
    private func normalized(_ mail: OutgoingMail) throws -> String {
        let text = String(decoding: mail.data, as: UTF8.self)
        let start = try #require(text.firstRange(of: "boundary=\""))
        let boundary = String(text[start.upperBound...].prefix { $0 != "\"" })
        return text.replacingOccurrences(of: boundary, with: "BOUNDARY")
    }

    @Test func equalsTheMessageAssembledFromTheFilledInText() throws {
        let body = BodyTemplate(
            text: [.text("Hi "), .hole(0), .text(",\n" + Fixtures.text + "\nUnsubscribe: "), .hole(1), .text("\n")],
            html: [
                .text("<p>Hi "), .hole(0), .text(",</p>\n" + (Fixtures.html) + "<a href=\""), .hole(1),
                .text("\">x</a>"),
            ])
        let values = ["Олена <script>", "https://herald.example.org/unsubscribe/1.daily.abc"]
        var message = Fixtures.message()
        message.messageID = "digest.1.2@herald.example.org"  // otherwise generated at random
        var whole = message
        whole.text = "Hi \(values[0]),\n\(Fixtures.text)\nUnsubscribe: \(values[1])\n"
        whole.html = "<p>Hi \(values[0]),</p>\n\(Fixtures.html)<a href=\"\(values[1])\">x</a>"
        let fromTemplate = try MessageAssembler().assemble(message, body: body, text: values, html: values)
        #expect(try normalized(fromTemplate) == normalized(try MessageAssembler().assemble(whole)))
        #expect(fromTemplate.recipients == ["olena@example.org"])
    }

    @Test func aTextOnlyTemplateMakesASinglePartMessage() throws {
        var message = Fixtures.message(html: nil)
        message.text = "ignored"
        let mail = try MessageAssembler().assemble(
            message, body: BodyTemplate(text: [.text("Hello "), .hole(0)], html: nil), text: ["reader"], html: [])
        let text = String(decoding: mail.data, as: UTF8.self)
        #expect(text.contains("Content-Transfer-Encoding: quoted-printable\r\n\r\nHello reader=\r\n"))
        #expect(!text.contains("ignored"))
    }

    @Test func headerValuesAreStillValidated() {
        var message = Fixtures.message()
        message.subject = "Injected\r\nBcc: victim@example.org"
        #expect(throws: MessageAssemblyError.self) {
            try MessageAssembler().assemble(
                message, body: BodyTemplate(text: [.text("x")], html: nil), text: [], html: [])
        }
    }
}
