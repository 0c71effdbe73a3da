/// Assembles reply lines, as libcurl hands them to the header callback, into `SMTPReply` values.
package struct SMTPReplyReader: Sendable {
    private var pendingCode: Int?
    private var pendingLines: [String] = []

    package init() {}

    /// Consumes one line (CRLF optional); returns the reply when this line completes one.
    package mutating func consume(_ rawLine: String) -> SMTPReply? {
        var line = Substring(rawLine)
        while let last = line.last, last == "\r" || last == "\n" || last == "\r\n" { line.removeLast() }
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0..<3].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let code = Int(bytes[0] - 48) * 100 + Int(bytes[1] - 48) * 10 + Int(bytes[2] - 48)
        let isContinuation = bytes.count > 3 && bytes[3] == UInt8(ascii: "-")
        let text = bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : ""
        if pendingCode != code { pendingLines.removeAll() }
        pendingCode = code
        pendingLines.append(text)
        guard !isContinuation else { return nil }
        defer {
            pendingCode = nil
            pendingLines.removeAll()
        }
        return SMTPReply(code: code, lines: pendingLines)
    }
}
