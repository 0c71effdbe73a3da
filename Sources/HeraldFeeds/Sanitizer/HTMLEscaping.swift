/// Escaping for text and double-quoted attribute values in HTML output. Control characters
/// other than tab, line feed and carriage return are dropped: they have no place in a mail.
enum HTMLEscaping {
    /// `&`, `<` and `>` escaped.
    static func text(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// `&`, `<`, `>`, `"` and `'` escaped, for use inside `"…"`.
    static func attribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    /// Whether `scalar` is a control character that output should not contain.
    static func isUnwantedControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        let needsWork = text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte < 0x20
                || byte == 0x7F || (quotes && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")))
        }
        guard needsWork else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            case "'" where quotes: output += "&#39;"
            case _ where isUnwantedControl(scalar): break
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
