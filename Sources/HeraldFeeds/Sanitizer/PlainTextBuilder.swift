/// Accumulates plain text with collapsed whitespace and at most one blank line between blocks.
/// Works on UTF-8 bytes: appending a string is a copy of its bytes, not a character walk.
struct PlainTextBuilder {
    private var output: [UInt8] = []
    /// Breaks owed before the next visible character: 0 none, 1 new line, 2 blank line.
    private var pendingBreaks = 0
    private var pendingSpace = false

    /// Appends `content`; unless `preserveWhitespace`, runs of whitespace become one space.
    mutating func append(_ content: String, preserveWhitespace: Bool) {
        for scalar in content.unicodeScalars where !HTMLEscaping.isUnwantedControl(scalar) {
            if preserveWhitespace, scalar == "\n" {
                pendingBreaks = min(pendingBreaks + 1, 2)
            } else if !preserveWhitespace, scalar.isSpace {
                pendingSpace = true
            } else {
                flush()
                if scalar.isASCII {
                    output.append(UInt8(scalar.value))
                } else {
                    UTF8.encode(scalar == "\u{A0}" ? " " : scalar) { output.append($0) }
                }
            }
        }
    }

    /// A list marker such as "- ": written after pending breaks, with no space collapsing.
    mutating func appendMarker(_ marker: String) {
        flush()
        output.append(contentsOf: marker.utf8)
    }

    /// `<br>`: each one adds a line break, so two in a row leave a blank line.
    mutating func lineBreak() {
        pendingBreaks = min(pendingBreaks + 1, 2)
        pendingSpace = false
    }

    /// The edge of a line-level block (`li`, `tr`): ensures a new line.
    mutating func blockLineBreak() {
        pendingBreaks = max(pendingBreaks, 1)
        pendingSpace = false
    }

    /// The edge of a paragraph-level block: ensures a blank line.
    mutating func paragraphBreak() {
        pendingBreaks = 2
        pendingSpace = false
    }

    /// The text, each line without trailing spaces, with no leading or trailing blank lines.
    func finish() -> String {
        var lines = output.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for index in lines.indices {
            while let last = lines[index].last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
                lines[index].removeLast()
            }
        }
        let joined = lines.joined(separator: [UInt8(ascii: "\n")])
        return String(decoding: Array(joined), as: UTF8.self).trimmingHTMLWhitespace
    }

    private mutating func flush() {
        if !output.isEmpty {
            if pendingBreaks > 0 {
                output.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: pendingBreaks))
            } else if pendingSpace {
                output.append(UInt8(ascii: " "))
            }
        }
        pendingBreaks = 0
        pendingSpace = false
    }
}
