/// The MIME structure of a message body: a single quoted-printable `text/plain` part, or a
/// `multipart/alternative` with the text and HTML parts.
struct MIMEBody {
    /// `Content-Type` (and for a single part `Content-Transfer-Encoding`) of the whole message.
    let headerFields: [HeaderField]
    /// Everything after the blank line that ends the headers, ending with CRLF.
    let content: [UInt8]

    init(text: String, html: String?) {
        self.init(encodedText: QuotedPrintable.encodedBytes(text), encodedHTML: html.map(QuotedPrintable.encodedBytes))
    }

    /// A body from parts already in quoted-printable (as `QuotedPrintable.encodedBytes` writes them).
    init(encodedText: [UInt8], encodedHTML: [UInt8]?) {
        guard let encodedHTML else {
            headerFields = [
                HeaderField(name: "Content-Type", segments: [.atom("text/plain;"), .atom("charset=utf-8")]),
                HeaderField(name: "Content-Transfer-Encoding", segments: [.atom("quoted-printable")]),
            ]
            // The message must end with CRLF; a final soft break adds one without adding content.
            content = encodedText.isEmpty || encodedText.last == 10 ? encodedText : encodedText + Array("=\r\n".utf8)
            return
        }
        let boundary = MIMEBoundary.forQuotedPrintableParts()
        headerFields = [
            HeaderField(
                name: "Content-Type",
                segments: [.atom("multipart/alternative;"), .atom("boundary=\"\(boundary)\"")]
            )
        ]
        // The CRLF before each delimiter belongs to the delimiter, so each part decodes to exactly its text.
        var content: [UInt8] = []
        content.reserveCapacity(encodedText.count + encodedHTML.count + 400)
        // Appended piece by piece: concatenating first would copy each 20–40 KB part twice.
        content.append(contentsOf: "--\(boundary)\r\n".utf8)
        Self.appendPartHeaders(subtype: "plain", to: &content)
        content.append(contentsOf: encodedText)
        content.append(contentsOf: "\r\n--\(boundary)\r\n".utf8)
        Self.appendPartHeaders(subtype: "html", to: &content)
        content.append(contentsOf: encodedHTML)
        content.append(contentsOf: "\r\n--\(boundary)--\r\n".utf8)
        self.content = content
    }

    private static func appendPartHeaders(subtype: String, to content: inout [UInt8]) {
        content.append(contentsOf: "Content-Type: text/\(subtype); charset=utf-8\r\n".utf8)
        content.append(contentsOf: "Content-Transfer-Encoding: quoted-printable\r\n\r\n".utf8)
    }
}
