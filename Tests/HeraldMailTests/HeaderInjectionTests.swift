import Foundation
import HeraldCore
import HeraldMail
import Testing

/// Every header value the caller controls, and where an injected character must be reported.
private struct Field: Sendable, CustomTestStringConvertible {
    var label: String
    var header: String
    var inject: @Sendable (inout MailMessage, String) -> Void

    var testDescription: String { label }
}

private let fields: [Field] = [
    Field(label: "From name", header: "From") { $0.from.displayName = $1 },
    Field(label: "From address", header: "From") { $0.from.address = "news\($1)@example.org" },
    Field(label: "To name", header: "To") { $0.to[0].displayName = $1 },
    Field(label: "To address", header: "To") { $0.to[0].address = "reader@example.org\($1)" },
    Field(label: "Reply-To name", header: "Reply-To") {
        $0.replyTo = [Mailbox(displayName: "R\($1)", address: "r@example.org")]
    },
    Field(label: "Reply-To address", header: "Reply-To") { $0.replyTo = [Mailbox(address: "r\($1)@example.org")] },
    Field(label: "Subject", header: "Subject") { $0.subject = "Hello\($1)world" },
    Field(label: "Message-ID", header: "Message-ID") { $0.messageID = "abc\($1)@example.org" },
    Field(label: "Return-Path", header: "Return-Path") { $0.returnPath = "bounce\($1)@example.org" },
    Field(label: "List-Id title", header: "List-Id") { $0.list?.title = "Weekly\($1)" },
    Field(label: "List-Id id", header: "List-Id") { $0.list?.id = "weekly\($1).example.org" },
    Field(label: "List-Unsubscribe URL", header: "List-Unsubscribe") {
        $0.list?.unsubscribeURL = "https://example.org/u\($1)"
    },
    Field(label: "List-Unsubscribe mailto", header: "List-Unsubscribe") {
        $0.list?.unsubscribeMailto = "mailto:u@example.org\($1)"
    },
    Field(label: "extra header value", header: "X-Campaign") {
        $0.extraHeaders = [MailHeader(name: "X-Campaign", value: "1\($1)2")]
    },
]

private let injections = [
    "\r\nBcc: victim@example.org", "\n", "\r", "\u{0}", "\t", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{2028}",
    "\u{2029}",
]

private func baseMessage() -> MailMessage {
    MailMessage(
        from: Mailbox(displayName: "Herald", address: "news@example.org"),
        to: [Mailbox(displayName: "Reader", address: "reader@example.org")],
        subject: "Hello",
        text: "Body",
        list: ListHeaders(title: "Weekly", id: "weekly.example.org", unsubscribeURL: "https://example.org/u")
    )
}

@Suite("Header injection")
struct HeaderInjectionTests {
    @Test("a control character in any header value is rejected, naming the header", arguments: fields, injections)
    fileprivate func controlCharactersAreRejected(field: Field, injection: String) {
        var message = baseMessage()
        field.inject(&message, injection)
        #expect(throws: MessageAssemblyError.forbiddenCharacter(in: field.header)) {
            try MessageAssembler().assemble(message)
        }
    }

    @Test("the unmodified base message assembles")
    func baseMessageIsValid() throws {
        _ = try MessageAssembler().assemble(baseMessage())
    }

    @Test(
        "extra header names with line breaks or colons are rejected",
        arguments: ["X-A\r\nBcc", "X-A:B", "X A", "", "X-Ä"])
    func invalidExtraHeaderNames(name: String) {
        var message = baseMessage()
        message.extraHeaders = [MailHeader(name: name, value: "v")]
        #expect(throws: MessageAssemblyError.invalidHeaderName(name)) { try MessageAssembler().assemble(message) }
    }

    @Test(
        "extra headers cannot replace the assembler's own",
        arguments: [
            "Bcc", "from", "Content-Type", "content-transfer-encoding", "List-Unsubscribe-Post", "MIME-Version",
        ]
    )
    func reservedExtraHeaders(name: String) {
        var message = baseMessage()
        message.extraHeaders = [MailHeader(name: name, value: "v")]
        #expect(throws: MessageAssemblyError.reservedHeaderName(name)) { try MessageAssembler().assemble(message) }
    }

    @Test(
        "addresses must be bare addr-specs",
        arguments: [
            "a b@example.org", "<a@example.org>", "a@example.org, b@example.org", "\"a\"@example.org", "no-at",
            "@example.org", "a@", "Name <a@example.org>", "a@example.org;", "a(comment)@example.org",
        ]
    )
    func addressesMustBeBare(address: String) {
        var message = baseMessage()
        message.to = [Mailbox(address: address)]
        #expect(throws: MessageAssemblyError.invalidAddress(in: "To")) { try MessageAssembler().assemble(message) }
    }

    @Test func atLeastOneRecipientIsRequired() {
        var message = baseMessage()
        message.to = []
        #expect(throws: MessageAssemblyError.missingRecipient(in: "To")) { try MessageAssembler().assemble(message) }
    }

    @Test func listIDNeedsADottedIdentifier() {
        var message = baseMessage()
        message.list?.id = "weekly"
        #expect(throws: MessageAssemblyError.invalidValue(in: "List-Id")) { try MessageAssembler().assemble(message) }
        message.list?.id = "weekly.example.org>, <evil"
        #expect(throws: MessageAssemblyError.invalidValue(in: "List-Id")) { try MessageAssembler().assemble(message) }
    }

    @Test func unsubscribeURIsMustBeHTTPAndMailtoWithoutDelimiters() {
        var message = baseMessage()
        message.list?.unsubscribeURL = "javascript:alert(1)"
        message.list?.oneClickUnsubscribe = false
        #expect(throws: MessageAssemblyError.invalidValue(in: "List-Unsubscribe")) {
            try MessageAssembler().assemble(message)
        }
        message.list?.unsubscribeURL = "https://example.org/u>, <https://evil.example"
        #expect(throws: MessageAssemblyError.invalidValue(in: "List-Unsubscribe")) {
            try MessageAssembler().assemble(message)
        }
        message.list?.unsubscribeURL = nil
        message.list?.unsubscribeMailto = "https://example.org/not-mailto"
        #expect(throws: MessageAssemblyError.invalidValue(in: "List-Unsubscribe")) {
            try MessageAssembler().assemble(message)
        }
    }

    @Test func oneClickUnsubscribeNeedsAnHTTPSLink() {
        var message = baseMessage()
        message.list = ListHeaders(
            id: "weekly.example.org", unsubscribeMailto: "mailto:u@example.org", oneClickUnsubscribe: true)
        #expect(throws: MessageAssemblyError.invalidValue(in: "List-Unsubscribe-Post")) {
            try MessageAssembler().assemble(message)
        }
    }

    @Test func errorsDescribeTheHeaderWithoutEchoingRawControlCharacters() {
        let error = MessageAssemblyError.invalidHeaderName("X-A\r\nBcc")
        #expect(!error.description.contains("\r\n"))
        #expect(MessageAssemblyError.forbiddenCharacter(in: "Subject").description.contains("Subject"))
    }
}
