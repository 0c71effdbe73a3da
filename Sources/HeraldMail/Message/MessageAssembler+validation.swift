extension MessageAssembler {
    /// Header names an extra header may not use: the ones the assembler writes, and envelope-like
    /// fields whose presence would change who receives or appears to send the message.
    static let reservedHeaderNames: Set<String> = [
        "date", "from", "sender", "to", "cc", "bcc", "reply-to", "subject", "message-id", "mime-version",
        "list-id", "list-unsubscribe", "list-unsubscribe-post", "return-path", "received",
    ]

    /// Throws the first problem found, naming its header.
    static func validate(_ message: MailMessage) throws(MessageAssemblyError) {
        try validateMailbox(message.from, header: "From")
        try validateRecipients(message)
        try validateText(message.subject, header: "Subject")
        try validateEnvelopeAndID(message)
        if let list = message.list {
            try validateListIdentity(list)
            try validateListLinks(list)
        }
        try validateExtraHeaders(message)
    }

    /// Validates what differs between the copies of one issue: everything but From, Subject,
    /// Content-Language and the list's title and id. With those already validated, it throws the
    /// same first problem as ``validate(_:)``.
    static func validateCopyValues(_ message: MailMessage) throws(MessageAssemblyError) {
        try validateRecipients(message)
        try validateEnvelopeAndID(message)
        if let list = message.list { try validateListLinks(list) }
        try validateExtraHeaders(message)
    }

    private static func validateRecipients(_ message: MailMessage) throws(MessageAssemblyError) {
        guard !message.to.isEmpty else { throw .missingRecipient(in: "To") }
        for mailbox in message.to { try validateMailbox(mailbox, header: "To") }
        for mailbox in message.replyTo { try validateMailbox(mailbox, header: "Reply-To") }
    }

    private static func validateEnvelopeAndID(_ message: MailMessage) throws(MessageAssemblyError) {
        if let returnPath = message.returnPath { try validateAddress(returnPath, header: "Return-Path") }
        if let messageID = message.messageID {
            try validateText(messageID, header: "Message-ID")
            guard isAddressLike(bareMessageID(messageID)) else { throw .invalidValue(in: "Message-ID") }
        }
    }

    private static func validateExtraHeaders(_ message: MailMessage) throws(MessageAssemblyError) {
        for header in message.extraHeaders {
            let name = header.name
            guard !name.isEmpty, name.utf8.allSatisfy(HeaderCharacters.isFieldNameCharacter) else {
                throw .invalidHeaderName(name)
            }
            let lowered = name.lowercased()
            guard !reservedHeaderNames.contains(lowered), !lowered.hasPrefix("content-") else {
                throw .reservedHeaderName(name)
            }
            try validateText(header.value, header: name)
        }
    }

    static func validateMailbox(_ mailbox: Mailbox, header: String) throws(MessageAssemblyError) {
        if let name = mailbox.displayName { try validateText(name, header: header) }
        try validateAddress(mailbox.address, header: header)
    }

    /// Light addr-spec check: `local@domain`, no whitespace, controls or characters with meaning in
    /// an address header. Full validation is the caller's job (`EmailAddress` in HeraldCore).
    static func validateAddress(_ address: String, header: String) throws(MessageAssemblyError) {
        try validateText(address, header: header)
        guard isAddressLike(address) else { throw .invalidAddress(in: header) }
    }

    static func validateText(_ text: String, header: String) throws(MessageAssemblyError) {
        if HeaderCharacters.containsForbidden(text) { throw .forbiddenCharacter(in: header) }
    }

    private static func validateListIdentity(_ list: ListHeaders) throws(MessageAssemblyError) {
        if let title = list.title { try validateText(title, header: "List-Id") }
        try validateText(list.id, header: "List-Id")
        let labels = list.id.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(HeaderCharacters.isAtext) })
        else { throw .invalidValue(in: "List-Id") }
    }

    private static func validateListLinks(_ list: ListHeaders) throws(MessageAssemblyError) {
        if let url = list.unsubscribeURL {
            try validateText(url, header: "List-Unsubscribe")
            let lowered = url.lowercased()
            guard isURIText(url), lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else {
                throw .invalidValue(in: "List-Unsubscribe")
            }
        }
        if let mailto = list.unsubscribeMailto {
            try validateText(mailto, header: "List-Unsubscribe")
            guard isURIText(mailto), mailto.lowercased().hasPrefix("mailto:") else {
                throw .invalidValue(in: "List-Unsubscribe")
            }
        }
        if list.oneClickUnsubscribe {
            // RFC 8058: one-click needs an HTTPS URI to POST to; plain HTTP only on loopback (development).
            guard let url = list.unsubscribeURL, isOneClickTarget(url) else {
                throw .invalidValue(in: "List-Unsubscribe-Post")
            }
        }
    }

    /// An HTTPS URL, or an HTTP URL on a loopback host.
    private static func isOneClickTarget(_ url: String) -> Bool {
        let lowered = url.lowercased()
        if lowered.hasPrefix("https://") { return true }
        guard lowered.hasPrefix("http://") else { return false }
        let authority = lowered.dropFirst("http://".count).prefix { $0 != "/" && $0 != "?" }
        let host =
            authority.hasPrefix("[")
            ? String(authority.prefix { $0 != "]" }.dropFirst()) : String(authority.prefix { $0 != ":" })
        return LoopbackHost.isLoopback(host)
    }

    /// Printable ASCII without the characters that delimit URIs in `List-Unsubscribe` (RFC 2369).
    private static func isURIText(_ uri: String) -> Bool {
        uri.utf8.count <= 900 && uri.utf8.allSatisfy { $0 > 32 && $0 < 127 && !"<>\",".utf8.contains($0) }
    }

    private static func isAddressLike(_ address: String) -> Bool {
        guard address.utf8.count <= 900, let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        let forbidden = Set(" <>,\"();:\\".unicodeScalars)
        return !address.unicodeScalars.contains { forbidden.contains($0) || $0.properties.isWhitespace }
    }

    static func bareMessageID(_ id: String) -> String {
        if id.hasPrefix("<"), id.hasSuffix(">"), id.count >= 2 { return String(id.dropFirst().dropLast()) }
        return id
    }

    static func domain(of address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return "" }
        return String(address[address.index(after: at)...])
    }
}
