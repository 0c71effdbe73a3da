import HeraldCore

/// Turns a `MailMessage` into RFC 5322 / MIME bytes plus the SMTP envelope.
///
/// Promises: CRLF line endings throughout; header lines of at most 78 octets unless a single
/// address or URL is longer (never over 998); bodies in quoted-printable with lines of at most
/// 76 characters; non-ASCII names and subjects as RFC 2047 encoded-words; and no way for any
/// value to add or end a header — a control character anywhere in a header value is an error.
public struct MessageAssembler: Sendable {
    /// Creates an assembler.
    public init() {}

    /// Builds the message and its envelope: the sender is `returnPath` or else the From address,
    /// the recipients are the To addresses (each once).
    public func assemble(_ message: MailMessage) throws(MessageAssemblyError) -> OutgoingMail {
        try Self.validate(message)
        return try assemble(message, body: MIMEBody(text: message.text, html: message.html))
    }

    /// The headers of `message` (already validated) followed by `body`.
    func assemble(_ message: MailMessage, body: MIMEBody) throws(MessageAssemblyError) -> OutgoingMail {
        var fields = headerFields(for: message)
        fields.append(contentsOf: body.headerFields)

        var data: [UInt8] = []
        data.reserveCapacity(body.content.count + 2048)
        for field in fields {
            let rendered = field.render()
            guard Self.longestLine(of: rendered) <= 998 else { throw .lineTooLong(in: field.name) }
            data.append(contentsOf: rendered.utf8)
            data.append(contentsOf: [13, 10])
        }
        data.append(contentsOf: [13, 10])
        data.append(contentsOf: body.content)

        var recipients: [String] = []
        for mailbox in message.to where !recipients.contains(mailbox.address) {
            recipients.append(mailbox.address)
        }
        let sender = message.returnPath ?? message.from.address
        let addresses = [sender, message.from.address] + recipients + message.replyTo.map(\.address)
        return OutgoingMail(
            sender: sender,
            recipients: recipients,
            requiresSMTPUTF8: !addresses.allSatisfy(HeaderCharacters.isASCII),
            data: data
        )
    }

    private func headerFields(for message: MailMessage) -> [HeaderField] {
        var fields: [HeaderField] = [
            HeaderField(name: "Date", segments: [.atom(RFC5322Date.format(message.date))]),
            HeaderField(name: "From", segments: HeaderSegments.mailbox(message.from)),
            HeaderField(name: "To", segments: HeaderSegments.mailboxList(message.to)),
        ]
        if !message.replyTo.isEmpty {
            fields.append(HeaderField(name: "Reply-To", segments: HeaderSegments.mailboxList(message.replyTo)))
        }
        fields.append(HeaderField(name: "Subject", segments: HeaderSegments.unstructured(message.subject)))
        let messageID =
            message.messageID.map(Self.bareMessageID)
            ?? MessageIDGenerator.make(domain: Self.domain(of: message.from.address), date: message.date)
        fields.append(HeaderField(name: "Message-ID", segments: [.atom("<\(messageID)>")]))
        fields.append(HeaderField(name: "MIME-Version", segments: [.atom("1.0")]))
        if let language = message.language, Self.isLanguageTag(language) {
            fields.append(HeaderField(name: "Content-Language", segments: [.atom(language)]))
        }
        if let list = message.list { fields.append(contentsOf: listFields(list)) }
        for header in message.extraHeaders {
            fields.append(HeaderField(name: header.name, segments: HeaderSegments.unstructured(header.value)))
        }
        return fields
    }

    /// Letters, digits and `-`, at most 35 bytes, starting with a letter: nothing that could break the header.
    static func isLanguageTag(_ tag: String) -> Bool {
        tag.utf8.count <= 35 && tag.first?.isLetter == true
            && tag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    private func listFields(_ list: ListHeaders) -> [HeaderField] {
        var fields: [HeaderField] = []
        let title = list.title.map { $0.isEmpty ? [] : HeaderSegments.phrase($0) } ?? []
        fields.append(HeaderField(name: "List-Id", segments: title + [.atom("<\(list.id)>")]))
        let uris = [list.unsubscribeURL, list.unsubscribeMailto].compactMap { $0 }
        if !uris.isEmpty {
            let atoms = uris.enumerated().map { index, uri in
                HeaderField.Segment.atom("<\(uri)>" + (index < uris.count - 1 ? "," : ""))
            }
            fields.append(HeaderField(name: "List-Unsubscribe", segments: atoms))
        }
        if list.oneClickUnsubscribe {
            fields.append(HeaderField(name: "List-Unsubscribe-Post", segments: [.atom("List-Unsubscribe=One-Click")]))
        }
        return fields
    }

    /// The longest run of bytes between line feeds (one pass, no allocation).
    private static func longestLine(of text: String) -> Int {
        var longest = 0
        var current = 0
        for byte in text.utf8 {
            if byte == 10 {
                longest = max(longest, current)
                current = 0
            } else {
                current += 1
            }
        }
        return max(longest, current)
    }
}
