/// One mail ready for MIME assembly: a one-line subject, a plain-text part and an HTML part.
public struct RenderedMail: Sendable, Equatable {
    /// Subject on a single line (line breaks from templates or values are replaced by spaces).
    public var subject: String
    /// Plain-text part, readable on its own; values are not HTML-escaped.
    public var text: String
    /// HTML part; values are HTML-escaped.
    public var html: String
    /// The BCP 47 language the texts are in (`Content-Language`); `nil` when not known.
    public var language: String?

    /// A rendered mail.
    public init(subject: String, text: String, html: String, language: String? = nil) {
        self.subject = subject
        self.text = text
        self.html = html
        self.language = language
    }
}
