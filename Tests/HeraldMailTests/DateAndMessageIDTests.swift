import Foundation
import HeraldCore
import HeraldMail
import Testing

@Suite("Date and Message-ID")
struct DateAndMessageIDTests {
    @Test(
        "RFC 5322 dates in UTC",
        arguments: [
            (1_795_608_000.0, "Wed, 25 Nov 2026 12:00:00 +0000"),
            (0.0, "Thu, 01 Jan 1970 00:00:00 +0000"),
            (1_709_251_199.9, "Thu, 29 Feb 2024 23:59:59 +0000"),
        ]
    )
    func formatsDates(seconds: Double, expected: String) {
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func messageIDsAreUniqueAndOnTheSendersDomain() {
        let ids = (0..<5_000).map { _ in MessageIDGenerator.make(domain: "herald.example.org") }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(50) {
            #expect(id.hasSuffix("@herald.example.org"))
            let left = id.prefix { $0 != "@" }
            #expect(left.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." })
            #expect(left.count >= 20)
        }
    }

    @Test func assembledMessagesGetDistinctMessageIDs() throws {
        let first = try MessageAssembler().assemble(Fixtures.simple())
        let second = try MessageAssembler().assemble(Fixtures.simple())
        func messageID(_ data: [UInt8]) -> String? {
            String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID: ") }
        }
        #expect(messageID(first.data) != messageID(second.data))
        #expect(messageID(first.data)?.hasSuffix("@herald.example.org>") == true)
    }

    @Test(
        "unusable domains fall back",
        arguments: [
            ("example.org", "example.org"), ("[192.0.2.1]", "[192.0.2.1]"), ("приклад.укр", "herald.invalid"),
            ("", "herald.invalid"), ("bad..dots", "herald.invalid"),
        ]
    )
    func domainFallback(domain: String, expected: String) {
        #expect(MessageIDGenerator.usableDomain(domain) == expected)
    }
}
