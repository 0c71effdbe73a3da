/// The MIME structure of a message body: a single quoted-printable `text/plain` part, or a
/// `multipart/alternative` with the text and HTML parts.
struct MIMEBody {
    /// `Content-Type` (and for a single part `Content-Transfer-Encoding`) of the whole message.
    let headerFields: [HeaderField]
    /// Everything after the blank line that ends the headers, ending with CRLF.
    let content: String

    init(text: String, html: String?) {
        let encodedText = QuotedPrintable.encode(text)
        guard let html else {
            headerFields = [
                HeaderField(name: "Content-Type", segments: [.atom("text/plain;"), .atom("charset=utf-8")]),
                HeaderField(name: "Content-Transfer-Encoding", segments: [.atom("quoted-printable")]),
            ]
            // The message must end with CRLF; a final soft break adds one without adding content.
            content = encodedText.hasSuffix("\r\n") || encodedText.isEmpty ? encodedText : encodedText + "=\r\n"
            return
        }
        let encodedHTML = QuotedPrintable.encode(html)
        let boundary = MIMEBoundary.make(avoiding: [encodedText, encodedHTML])
        headerFields = [
            HeaderField(
                name: "Content-Type",
                segments: [.atom("multipart/alternative;"), .atom("boundary=\"\(boundary)\"")]
            )
        ]
        // The CRLF before each delimiter belongs to the delimiter, so each part decodes to exactly its text.
        content =
            "--\(boundary)\r\n" + Self.partHeaders(subtype: "plain") + encodedText + "\r\n"
            + "--\(boundary)\r\n" + Self.partHeaders(subtype: "html") + encodedHTML + "\r\n"
            + "--\(boundary)--\r\n"
    }

    private static func partHeaders(subtype: String) -> String {
        "Content-Type: text/\(subtype); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
    }
}
