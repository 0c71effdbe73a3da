import Foundation
import HeraldCore
import HeraldMail
import Testing

@Suite("Header folding")
struct HeaderFoldingTests {
    @Test(
        "unstructured values fold within 78 octets and decode to the original",
        arguments: [
            "Дайджест: Харків — 3 нові статті 📰",
            "Weekly digest — issue 3",
            "Plain ASCII subject that is long enough to need folding across more than one line of header",
            String(repeating: "Дуже довга тема листа ", count: 12),
            "looks like an =?utf-8?q?encoded?= word",
            "  leading and trailing  ",
            "double  spaces between\u{A0}words",
            String(repeating: "x", count: 200),
            "👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦",
            "",
        ]
    )
    func unstructuredRoundTrip(value: String) {
        let rendered = HeaderField(name: "Subject", segments: HeaderSegments.unstructured(value)).render()
        let lines = rendered.components(separatedBy: "\r\n")
        for (index, line) in lines.enumerated() {
            #expect(line.utf8.count <= 78, "line too long: \(line)")
            if index > 0 {
                #expect(line.hasPrefix(" "))
                #expect(!line.allSatisfy { $0 == " " }, "whitespace-only continuation line")
            }
            for token in line.split(separator: " ") where token.hasPrefix("=?") && token.hasSuffix("?=") {
                #expect(token.utf8.count <= 75)
            }
        }
        #expect(!rendered.contains("\n") || rendered.components(separatedBy: "\r\n").count > 1)
        #expect(TestDecoders.unstructuredValue(ofRenderedHeader: rendered) == value)
    }

    @Test func encodedWordsAreNeverSplitAcrossLines() {
        let rendered = HeaderField(name: "Subject", segments: HeaderSegments.unstructured(Fixtures.subject)).render()
        for line in rendered.components(separatedBy: "\r\n") {
            let opens = line.components(separatedBy: "=?utf-8?b?").count - 1
            let closes = line.components(separatedBy: "?=").count - 1
            #expect(opens == closes)
        }
    }

    @Test func asciiWordsStayReadableNextToEncodedOnes() {
        let rendered = HeaderField(name: "Subject", segments: HeaderSegments.unstructured("Weekly digest — issue 3"))
            .render()
        #expect(rendered.hasPrefix("Subject: Weekly digest =?utf-8?b?"))
        #expect(rendered.hasSuffix("?= issue 3"))
    }

    @Test func addressListsFoldBetweenMailboxes() {
        let boxes = (1...8).map { Mailbox(displayName: "Reader Number \($0)", address: "reader\($0)@example.org") }
        let rendered = HeaderField(name: "To", segments: HeaderSegments.mailboxList(boxes)).render()
        let lines = rendered.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(rendered.replacingOccurrences(of: "\r\n", with: "").contains("Reader Number 8 <reader8@example.org>"))
    }

    @Test(
        "display names: atoms, quoted-strings or encoded-words",
        arguments: [
            ("Herald News", "From: Herald News <a@example.org>"),
            ("Herald, Inc.", "From: \"Herald, Inc.\" <a@example.org>"),
            ("Say \"hi\" \\ bye", "From: \"Say \\\"hi\\\" \\\\ bye\" <a@example.org>"),
            ("Олена", "From: =?utf-8?b?0J7Qu9C10L3QsA==?= <a@example.org>"),
        ]
    )
    func displayNames(name: String, expected: String) {
        let mailbox = Mailbox(displayName: name, address: "a@example.org")
        let rendered = HeaderField(name: "From", segments: HeaderSegments.mailbox(mailbox)).render()
        #expect(rendered == expected)
    }

    @Test(
        "long non-ASCII display names fold and decode per RFC 2047",
        arguments: [String(repeating: "Дуже довга назва розсилки ", count: 5) + "📰", "Herald — Новини Харкова щотижня"]
    )
    func longDisplayNames(name: String) {
        let segments = HeaderSegments.phrase(name)
        let rendered = HeaderField(name: "From", segments: segments).render()
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(TestDecoders.unstructuredValue(ofRenderedHeader: rendered) == name)
    }

    @Test func plainWordsInANonASCIINameStayAtoms() {
        #expect(HeaderSegments.phrase("Herald — News") == [.atom("Herald"), .encoded("—"), .atom("News")])
        #expect(HeaderSegments.phrase("Олена  Петренко") == [.encoded("Олена  Петренко")])
    }

    @Test func anUnbreakableAtomLongerThanALineGetsItsOwnLine() {
        let url = "<https://herald.example.org/unsubscribe/" + String(repeating: "a", count: 80) + ">"
        let rendered = HeaderField(
            name: "List-Unsubscribe", segments: [.atom(url + ","), .atom("<mailto:u@example.org>")]
        )
        .render()
        let lines = rendered.components(separatedBy: "\r\n")
        #expect(lines[0] == "List-Unsubscribe: \(url),")
        #expect(lines[1] == " <mailto:u@example.org>")
    }
}
