/// Accumulates plain text with collapsed whitespace and at most one blank line between blocks.
struct PlainTextBuilder {
    private var output = ""
    /// Breaks owed before the next visible character: 0 none, 1 new line, 2 blank line.
    private var pendingBreaks = 0
    private var pendingSpace = false

    /// Appends `content`; unless `preserveWhitespace`, runs of whitespace become one space.
    mutating func append(_ content: String, preserveWhitespace: Bool) {
        for scalar in content.unicodeScalars where !HTMLEscaping.isUnwantedControl(scalar) {
            if preserveWhitespace, scalar == "\n" {
                pendingBreaks = min(pendingBreaks + 1, 2)
            } else if scalar.properties.isWhitespace && !preserveWhitespace {
                pendingSpace = true
            } else {
                flush()
                output.unicodeScalars.append(scalar == "\u{A0}" ? " " : scalar)
            }
        }
    }

    /// A list marker such as "- ": written after pending breaks, with no space collapsing.
    mutating func appendMarker(_ marker: String) {
        flush()
        output += marker
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
    mutating func finish() -> String {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = line
            while let last = line.last, last == " " || last == "\t" { line.removeLast() }
            return line
        }
        return lines.joined(separator: "\n").trimmingHTMLWhitespace
    }

    private mutating func flush() {
        if !output.isEmpty {
            if pendingBreaks > 0 {
                output += String(repeating: "\n", count: pendingBreaks)
            } else if pendingSpace {
                output += " "
            }
        }
        pendingBreaks = 0
        pendingSpace = false
    }
}
