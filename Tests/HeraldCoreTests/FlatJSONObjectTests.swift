import Foundation
import HeraldCore
import Testing

/// The hand-written JSON of string-only objects (stored attributes, `check-email --json` lines).
@Suite("Flat JSON objects")
struct FlatJSONObjectTests {
    private func decoded(_ text: String) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }

    @Test func noMembersIsAnEmptyObject() {
        #expect(FlatJSONObject.text([]) == "{}")
    }

    @Test func keysAreSortedByTheirUTF8Bytes() {
        let text = FlatJSONObject.text([("é", "3"), ("b", "2"), ("Z", "1"), ("a", "0")])
        #expect(text == #"{"Z":"1","a":"0","b":"2","é":"3"}"#)
    }

    @Test func quotesBackslashesAndControlCharactersAreEscaped() {
        let text = FlatJSONObject.text([("k", "a\"b\\c\r\nd\u{0}e\u{7F}f\t")])
        #expect(text == #"{"k":"a\"b\\c\u000d\u000ad\u0000e\u007ff\u0009"}"#)
    }

    @Test func aByteOrderMarkSurvivesFoundationsReader() throws {
        let members = [("\u{FEFF}city", "\u{FEFF}Kyiv\u{FEFF}"), ("plain", "x\u{FEFF}")]
        let text = FlatJSONObject.text(members)
        #expect(text.contains(#"\ufeffcity"#))
        #expect(try decoded(text) == Dictionary(uniqueKeysWithValues: members))
    }

    @Test func hostileTextRoundTripsUnchanged() throws {
        let members = [
            ("<script>alert(1)</script>", "'; DROP TABLE subscribers;--"),
            ("crlf\r\nX-Injected: 1", "📰 Олена \"О\" é\u{1F}"),
            ("", ""),
            (String(repeating: "\\\"", count: 10_000), String(repeating: "\u{7F}", count: 10_000)),
        ]
        let text = FlatJSONObject.text(members)
        #expect(!text.contains("\r") && !text.contains("\n"))
        #expect(try decoded(text) == Dictionary(uniqueKeysWithValues: members))
    }

    @Test func appendingWritesAfterWhatTheBufferHolds() {
        var buffer = Array("line: ".utf8)
        FlatJSONObject.append([("a", "b")], to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == #"line: {"a":"b"}"#)
    }
}
