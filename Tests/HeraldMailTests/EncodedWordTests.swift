import Foundation
import HeraldCore
import HeraldMail
import Testing

@Suite("RFC 2047 encoded-words")
struct EncodedWordTests {
    @Test func encodesUTF8AsBase64Word() {
        #expect(EncodedWord.word("Привет") == "=?utf-8?b?0J/RgNC40LLQtdGC?=")
        #expect(EncodedWord.encode("Привет") == ["=?utf-8?b?0J/RgNC40LLQtdGC?="])
    }

    @Test func lengthAndCapacityAgree() {
        #expect(EncodedWord.capacity(forLength: 75) == 45)
        #expect(EncodedWord.length(forByteCount: 45) == 72)
        #expect(EncodedWord.length(forByteCount: 46) == 76)
    }

    @Test(
        "long text splits into words of at most 75 characters without splitting characters",
        arguments: [
            String(repeating: "Дайджест Харків ", count: 10),
            String(repeating: "👨‍👩‍👧‍👦", count: 12),
            String(repeating: "é", count: 100),
            // One grapheme cluster far larger than a word can carry: split between scalars.
            "a" + String(repeating: "\u{301}", count: 40),
        ]
    )
    func splitsAtCharacterBoundaries(text: String) throws {
        let words = EncodedWord.encode(text)
        #expect(words.count > 1)
        var decodedWords: [String] = []
        for word in words {
            #expect(word.utf8.count <= 75)
            let bytes = try #require(TestDecoders.encodedWordBytes(word))
            decodedWords.append(try #require(String(validating: bytes, as: UTF8.self), "word splits a UTF-8 sequence"))
        }
        #expect(decodedWords.joined() == text)
        if text.count < text.unicodeScalars.count / 2 {
            return  // the giant cluster case: scalar boundaries are the best possible
        }
        #expect(decodedWords.map(\.count).reduce(0, +) == text.count, "a grapheme cluster was split")
    }

    @Test func firstWordCanBeShorter() {
        let words = EncodedWord.encode(String(repeating: "ж", count: 60), firstLength: 30)
        #expect(words[0].utf8.count <= 30)
        #expect(words.dropFirst().allSatisfy { $0.utf8.count <= 75 })
    }
}
