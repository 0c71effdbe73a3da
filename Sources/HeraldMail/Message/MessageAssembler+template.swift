import HeraldCore

/// The body of many messages that differ only in a few places (a digest sent to every
/// subscriber): fixed text with numbered holes for the text part and, optionally, the HTML part.
///
/// Made once per issue; the lines without holes are quoted-printable encoded right away, so each
/// message built with ``MessageAssembler/assemble(_:body:text:html:)`` only encodes the lines
/// around its own values.
public struct BodyTemplate: Sendable, Equatable {
    /// A piece of a part: fixed text, or the hole with this number.
    public enum Piece: Sendable, Equatable {
        case text(String)
        case hole(Int)
    }

    let text: QuotedPrintableTemplate
    let html: QuotedPrintableTemplate?

    /// A body whose text part is `text` and HTML part `html` (none when nil).
    public init(text: [Piece], html: [Piece]?) {
        self.text = QuotedPrintableTemplate(text.map(\.quotedPrintable))
        self.html = html.map { QuotedPrintableTemplate($0.map(\.quotedPrintable)) }
    }
}

extension BodyTemplate.Piece {
    var quotedPrintable: QuotedPrintableTemplate.Piece {
        switch self {
        case .text(let text): .text(text)
        case .hole(let index): .hole(index)
        }
    }
}

extension MessageAssembler {
    /// Like ``assemble(_:)``, with the body taken from `body`, hole `i` of the text part filled with
    /// `text[i]` and of the HTML part with `html[i]` (missing values are empty). The message's own
    /// `text` and `html` are not used. The bytes equal those of ``assemble(_:)`` for the message
    /// with the filled-in text and HTML, except for the random multipart boundary.
    public func assemble(_ message: MailMessage, body: BodyTemplate, text: [String], html: [String])
        throws(MessageAssemblyError) -> OutgoingMail
    {
        let fixed = try validatedFixedFields(of: message)
        let mime = MIMEBody(encodedText: body.text.encode(filling: text), encodedHTML: body.html?.encode(filling: html))
        return try assemble(message, fixed: fixed, body: mime)
    }
}
