/// The body parts of a multipart body (RFC 2046): the lines between `--boundary` delimiters.
struct MultipartBody {
    /// The parts in order, each its header and body lines.
    let parts: [ArraySlice<String>]
    /// Whether the closing `--boundary--` delimiter was found (false for a truncated message).
    let closed: Bool

    /// The most parts kept; a report has three.
    static let maximumParts = 64

    init(_ body: ArraySlice<String>, boundary: String) {
        let delimiter = "--" + boundary
        let closing = delimiter + "--"
        var parts: [ArraySlice<String>] = []
        var start: Int?
        var closed = false
        for index in body.indices {
            let line = body[index]
            guard line.hasPrefix(delimiter) else { continue }
            let rest = line.dropFirst(delimiter.count)
            let isClosing = line.hasPrefix(closing) && rest.dropFirst(2).trimmedSpaces.isEmpty
            guard isClosing || rest.trimmedSpaces.isEmpty else { continue }
            if let start, parts.count < Self.maximumParts { parts.append(body[start..<index]) }
            if isClosing {
                closed = true
                start = nil
                break
            }
            start = index + 1
        }
        if let start, parts.count < Self.maximumParts { parts.append(body[start...]) }
        self.parts = parts
        self.closed = closed
    }
}

/// One body part: its header fields, media type and decoded body lines.
struct BodyPart {
    let header: HeaderBlock
    let mediaType: MediaType
    let body: ReportLines

    init(_ lines: ArraySlice<String>, defaultType: String = "text/plain") {
        let (head, body) = splitHeaderAndBody(lines)
        header = HeaderBlock(head)
        mediaType = MediaType(header["content-type"] ?? defaultType)
        switch (header["content-transfer-encoding"] ?? "7bit").lowercased() {
        case "base64": self.body = ReportLines(ReportDecoding.base64(body.joined()))
        case "quoted-printable": self.body = ReportLines(ReportDecoding.quotedPrintable(body))
        default: self.body = ReportLines(lines: Array(body))
        }
    }
}
