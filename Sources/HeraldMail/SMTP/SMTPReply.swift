/// One complete SMTP server reply: its code and the text of each line.
package struct SMTPReply: Sendable, Equatable {
    /// The three-digit reply code.
    package var code: Int
    /// The text of each line, without code, separator or CRLF.
    package var lines: [String]

    package init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// The lines joined with spaces.
    package var text: String { lines.joined(separator: " ") }
    /// `code text`, as shown in error messages.
    package var summary: String { text.isEmpty ? "\(code)" : "\(code) \(text)" }
}
