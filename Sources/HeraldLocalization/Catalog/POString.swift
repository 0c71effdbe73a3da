/// One quoted PO string (`"Hello, \"world\"\n"`) decoded: the C escapes gettext writes
/// (`\n \t \r \" \\ \a \b \f \v`) are read; any other escape, text after the closing quote,
/// or a missing closing quote is an error.
enum POString {
    static func parse(_ text: String, file: String, line: Int) throws(CatalogError) -> String {
        var characters = text.unicodeScalars[...]
        guard characters.first == "\"" else {
            throw CatalogError(file: file, line: line, reason: "expected a quoted string")
        }
        characters = characters.dropFirst()
        var result = String.UnicodeScalarView()
        while let scalar = characters.popFirst() {
            switch scalar {
            case "\"":
                guard characters.allSatisfy({ $0 == " " || $0 == "\t" }) else {
                    throw CatalogError(file: file, line: line, reason: "text after the closing quote")
                }
                return String(result)
            case "\\":
                guard let escaped = characters.popFirst() else { break }
                guard let decoded = unescape(escaped) else {
                    throw CatalogError(file: file, line: line, reason: "unknown escape \\\(escaped)")
                }
                result.append(decoded)
            default:
                result.append(scalar)
            }
        }
        throw CatalogError(file: file, line: line, reason: "unterminated string (no closing quote)")
    }

    private static func unescape(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "n": "\n"
        case "t": "\t"
        case "r": "\r"
        case "\"": "\""
        case "\\": "\\"
        case "a": "\u{7}"
        case "b": "\u{8}"
        case "f": "\u{C}"
        case "v": "\u{B}"
        default: nil
        }
    }
}
