import HeraldCore

/// Turns a `MailMessage` into RFC 5322 / MIME bytes plus the SMTP envelope.
///
/// Promises: CRLF line endings throughout; header lines of at most 78 octets unless a single
/// address or URL is longer (never over 998); bodies in quoted-printable with lines of at most
/// 76 characters; non-ASCII names and subjects as RFC 2047 encoded-words; and no way for any
/// value to add or end a header — a control character anywhere in a header value is an error.
public struct MessageAssembler: Sendable {
    /// The last message's fixed header fields, for the next copy of the same issue.
    private let fixedFields = FixedHeaderMemo()

    /// Creates an assembler.
    public init() {}

    /// Builds the message and its envelope: the sender is `returnPath` or else the From address,
    /// the recipients are the To addresses (each once).
    public func assemble(_ message: MailMessage) throws(MessageAssemblyError) -> OutgoingMail {
        let fixed = try validatedFixedFields(of: message)
        return try assemble(message, fixed: fixed, body: MIMEBody(text: message.text, html: message.html))
    }

    /// Validates `message` and returns its fixed header fields. When they are the ones remembered
    /// from the last message, only the values that differ between copies are validated again: the
    /// remembered ones passed then, so the first problem found is the one a full validation finds.
    func validatedFixedFields(of message: MailMessage) throws(MessageAssemblyError) -> FixedHeaderFields {
        let (fixed, remembered) = try fixedFields.fields(for: message) { key throws(MessageAssemblyError) in
            try Self.validate(message)
            return try Self.fixedHeaderFields(key)
        }
        if remembered { try Self.validateCopyValues(message) }
        return fixed
    }

    /// The headers of `message` (already validated; `fixed` made from its values) followed by `body`.
    func assemble(_ message: MailMessage, fixed: FixedHeaderFields, body: MIMEBody) throws(MessageAssemblyError)
        -> OutgoingMail
    {
        var data: [UInt8] = []
        data.reserveCapacity(body.content.count + 2048)
        for line in try headerLines(for: message, fixed: fixed) + body.headerFields.map(Self.checkedRender) {
            data.append(contentsOf: line.utf8)
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

    /// The rendered header lines, in the order the assembler has always written them.
    private func headerLines(for message: MailMessage, fixed: FixedHeaderFields) throws(MessageAssemblyError)
        -> [String]
    {
        var lines = [
            try Self.checkedRender(HeaderField(name: "Date", segments: [.atom(RFC5322Date.format(message.date))])),
            fixed.from,
            try Self.checkedRender(HeaderField(name: "To", segments: HeaderSegments.mailboxList(message.to))),
        ]
        if !message.replyTo.isEmpty {
            lines.append(
                try Self.checkedRender(
                    HeaderField(name: "Reply-To", segments: HeaderSegments.mailboxList(message.replyTo))))
        }
        lines.append(fixed.subject)
        let messageID =
            message.messageID.map(Self.bareMessageID)
            ?? MessageIDGenerator.make(domain: Self.domain(of: message.from.address), date: message.date)
        lines.append(try Self.checkedRender(HeaderField(name: "Message-ID", segments: [.atom("<\(messageID)>")])))
        lines.append(Self.mimeVersion)
        if let language = fixed.contentLanguage { lines.append(language) }
        if let list = message.list, let listID = fixed.listID {
            lines.append(listID)
            if let unsubscribe = Self.listUnsubscribeField(list) { lines.append(try Self.checkedRender(unsubscribe)) }
            if let post = fixed.listUnsubscribePost { lines.append(post) }
        }
        for header in message.extraHeaders {
            lines.append(
                try Self.checkedRender(
                    HeaderField(name: header.name, segments: HeaderSegments.unstructured(header.value))))
        }
        return lines
    }

    /// The fields made only from `key`'s values, rendered and length-checked.
    private static func fixedHeaderFields(_ key: FixedHeaderFields.Key) throws(MessageAssemblyError)
        -> FixedHeaderFields
    {
        let language = key.language.flatMap { isLanguageTag($0) ? $0 : nil }
        let listID = try key.listID.map { id throws(MessageAssemblyError) in
            let title = key.listTitle.map { $0.isEmpty ? [] : HeaderSegments.phrase($0) } ?? []
            return try checkedRender(HeaderField(name: "List-Id", segments: title + [.atom("<\(id)>")]))
        }
        return FixedHeaderFields(
            key: key,
            from: try checkedRender(HeaderField(name: "From", segments: HeaderSegments.mailbox(key.from))),
            subject: try checkedRender(
                HeaderField(name: "Subject", segments: HeaderSegments.unstructured(key.subject))),
            contentLanguage: try language.map { tag throws(MessageAssemblyError) in
                try checkedRender(HeaderField(name: "Content-Language", segments: [.atom(tag)]))
            },
            listID: listID,
            listUnsubscribePost: listID != nil && key.oneClickUnsubscribe
                ? try checkedRender(
                    HeaderField(name: "List-Unsubscribe-Post", segments: [.atom("List-Unsubscribe=One-Click")])) : nil)
    }

    private static let mimeVersion = HeaderField(name: "MIME-Version", segments: [.atom("1.0")]).render()

    /// The folded field, refused when a line would pass RFC 5322's 998-octet limit.
    private static func checkedRender(_ field: HeaderField) throws(MessageAssemblyError) -> String {
        let rendered = field.render()
        guard longestLine(of: rendered) <= 998 else { throw .lineTooLong(in: field.name) }
        return rendered
    }

    /// Letters, digits and `-`, at most 35 bytes, starting with a letter: nothing that could break the header.
    static func isLanguageTag(_ tag: String) -> Bool {
        tag.utf8.count <= 35 && tag.first?.isLetter == true
            && tag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// `List-Unsubscribe` with the copy's links, or nil when the list has none.
    private static func listUnsubscribeField(_ list: ListHeaders) -> HeaderField? {
        let uris = [list.unsubscribeURL, list.unsubscribeMailto].compactMap { $0 }
        guard !uris.isEmpty else { return nil }
        let atoms = uris.enumerated().map { index, uri in
            HeaderField.Segment.atom("<\(uri)>" + (index < uris.count - 1 ? "," : ""))
        }
        return HeaderField(name: "List-Unsubscribe", segments: atoms)
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
