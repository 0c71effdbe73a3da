import Foundation

/// A complete email before MIME encoding: who it is from and to, the subject, the rendered bodies
/// and the optional newsletter headers.
///
/// `MessageAssembler` turns it into the bytes and SMTP envelope of an `OutgoingMail`.
public struct MailMessage: Sendable, Equatable {
    /// The `From` header; its address is also the envelope sender unless `returnPath` is set.
    public var from: Mailbox
    /// The `To` header and the envelope recipients; at least one.
    public var to: [Mailbox]
    /// The `Reply-To` header, omitted when empty.
    public var replyTo: [Mailbox]
    /// The subject; any Unicode text without control characters.
    public var subject: String
    /// The plain-text body. Line breaks (LF, CR or CRLF) are sent as CRLF.
    public var text: String
    /// The HTML body; when present the message is `multipart/alternative` with `text` as the first part.
    public var html: String?
    /// The `Date` header.
    public var date: Date
    /// The `Message-ID` without angle brackets (`id@domain`); generated on the From domain when nil.
    public var messageID: String?
    /// Newsletter `List-*` headers, omitted when nil.
    public var list: ListHeaders?
    /// Extra header fields written after the standard ones, in order.
    public var extraHeaders: [MailHeader]
    /// The envelope sender (MAIL FROM) when it differs from the From address, e.g. a bounce address.
    public var returnPath: String?
    /// The language of the texts (`Content-Language`, RFC 3282), a BCP 47 tag; omitted when nil
    /// or when it is not a well-formed tag.
    public var language: String?

    /// Creates a message; `date` defaults to now.
    public init(
        from: Mailbox,
        to: [Mailbox],
        replyTo: [Mailbox] = [],
        subject: String,
        text: String,
        html: String? = nil,
        date: Date = Date(),
        messageID: String? = nil,
        list: ListHeaders? = nil,
        extraHeaders: [MailHeader] = [],
        returnPath: String? = nil
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        self.messageID = messageID
        self.list = list
        self.extraHeaders = extraHeaders
        self.returnPath = returnPath
    }
}
