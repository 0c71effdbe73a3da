import Foundation
import HeraldCore
import Testing

@testable import HeraldMail

/// The copies of one issue reuse the From, Subject, Content-Language, List-Id and
/// List-Unsubscribe-Post fields validated and folded for the copy before (`FixedHeaderMemo`). These
/// tests compare every copy with what a fresh assembler, which validates and renders all, makes.
@Suite("Header fields reused between the copies of an issue")
struct FixedHeaderFieldsTests {
    private static let date = Date(timeIntervalSince1970: 1_764_892_800)

    private static func copy(
        to name: String?, _ address: String, subject: String = "Щоденний огляд: «новини» & more",
        from: Mailbox = Mailbox(displayName: "Bench \"News\" Ü", address: "news@example.org"),
        list: Bool = true, html: String? = "<p>Hi</p>", number: Int = 1
    ) -> MailMessage {
        var message = MailMessage(
            from: from, to: [Mailbox(displayName: name, address: address)], subject: subject, text: "Hello\n",
            html: html, date: date, messageID: "digest.7.\(number)@example.org",
            list: list
                ? ListHeaders(
                    title: "Щоденний огляд — the daily \"briefing\"", id: "daily.example.org",
                    unsubscribeURL: "https://example.org/unsubscribe/token\(number)") : nil)
        message.language = "uk"
        return message
    }

    /// The message with its random multipart boundary replaced by a fixed one.
    private static func normalized(_ mail: OutgoingMail) -> String {
        let text = String(decoding: mail.data, as: UTF8.self)
        guard let range = text.range(of: #"boundary="[^"]+""#, options: .regularExpression) else { return text }
        let boundary = String(text[range].dropFirst("boundary=\"".count).dropLast())
        return text.replacingOccurrences(of: boundary, with: "BOUNDARY")
    }

    private static let hostileNames: [String?] = [
        nil, "", "Reader", "Ім'я Прізвище", "\"Quoted\" <name>", "O'Brien, Jr.", "=?utf-8?q?fake?=",
        String(repeating: "Довге ім'я ", count: 12), "emoji 👩🏽‍💻 name", "back\\slash",
    ]

    @Test func everyCopyMatchesAFreshAssembly() throws {
        let shared = MessageAssembler()
        var number = 0
        for subject in ["Щоденний огляд: «новини» & more", "Second subject", "Щоденний огляд: «новини» & more"] {
            for name in Self.hostileNames {
                for address in ["reader@example.org", "first.last+tag@example.org", "читач@приклад.укр"] {
                    for list in [true, false] {
                        number += 1
                        let message = Self.copy(to: name, address, subject: subject, list: list, number: number)
                        let reused = try shared.assemble(message)
                        let fresh = try MessageAssembler().assemble(message)
                        #expect(Self.normalized(reused) == Self.normalized(fresh), "\(name ?? "nil") \(address)")
                        #expect(reused.recipients == fresh.recipients && reused.sender == fresh.sender)
                        #expect(reused.requiresSMTPUTF8 == fresh.requiresSMTPUTF8)
                    }
                }
            }
        }
    }

    @Test func aCopyWithABadRecipientFailsAsAFreshAssemblyDoes() throws {
        let shared = MessageAssembler()
        _ = try shared.assemble(Self.copy(to: "Good", "reader@example.org"))
        let bad: [(String?, String)] = [
            ("Evil\r\nBcc: victim@example.org", "reader@example.org"), ("Name", "a@b\r\nBcc: x@y.org"),
            ("Name", "no-at-sign"), ("Name", "two words@example.org"), ("Nul\u{0}name", "reader@example.org"),
            ("tab\tname", "reader@example.org"),
        ]
        for (name, address) in bad {
            let message = Self.copy(to: name, address)
            let expected = #expect(throws: MessageAssemblyError.self) { try MessageAssembler().assemble(message) }
            let reused = #expect(throws: MessageAssemblyError.self) { try shared.assemble(message) }
            #expect(reused == expected, "\(address)")
        }
        // The remembered fields still serve the next good copy.
        let next = Self.copy(to: "After", "after@example.org")
        #expect(Self.normalized(try shared.assemble(next)) == Self.normalized(try MessageAssembler().assemble(next)))
    }

    @Test func changedFixedValuesAreValidatedAgain() throws {
        let shared = MessageAssembler()
        _ = try shared.assemble(Self.copy(to: "Good", "reader@example.org"))
        let badSubject = Self.copy(to: "Good", "reader@example.org", subject: "Injected\r\nBcc: victim@example.org")
        #expect(throws: MessageAssemblyError.forbiddenCharacter(in: "Subject")) { try shared.assemble(badSubject) }
        let badFrom = Self.copy(
            to: "Good", "reader@example.org", from: Mailbox(displayName: "X\nY", address: "n@e.org"))
        #expect(throws: MessageAssemblyError.forbiddenCharacter(in: "From")) { try shared.assemble(badFrom) }
        let otherFrom = Self.copy(to: "Good", "reader@example.org", from: Mailbox(address: "other@example.net"))
        let text = Self.normalized(try shared.assemble(otherFrom))
        #expect(text == Self.normalized(try MessageAssembler().assemble(otherFrom)))
        #expect(text.contains("other@example.net") && !text.contains("news@example.org"))
    }

    @Test func copiesAssembledConcurrentlyMatchFreshOnes() async throws {
        let shared = MessageAssembler()
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for number in 0..<200 {
                group.addTask {
                    let name = Self.hostileNames[number % Self.hostileNames.count]
                    let subject = number % 3 == 0 ? "Other subject" : "Щоденний огляд: «новини» & more"
                    let message = Self.copy(to: name, "r\(number)@example.org", subject: subject, number: number)
                    return Self.normalized(try shared.assemble(message))
                        == Self.normalized(try MessageAssembler().assemble(message))
                }
            }
            for try await same in group { #expect(same) }
        }
    }
}
