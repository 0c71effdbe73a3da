/// Reads gettext PO files: `msgctxt`, `msgid`, `msgid_plural`, `msgstr` / `msgstr[n]`, strings
/// continued over several lines, C escapes, and `#.` / `#,` comments (`#~` obsolete entries are
/// skipped). Lines may end in LF or CRLF; a UTF-8 byte order mark is ignored.
///
/// Anything else is refused with the file, line and reason: invalid UTF-8, an unterminated
/// string, an unknown escape or keyword, keywords out of order, gaps in `msgstr[n]`, a duplicate
/// message, a file over ``maximumBytes``.
public enum POParser {
    /// The largest catalog accepted (4 MiB; Herald's own are a few kilobytes).
    public static let maximumBytes = 4 << 20

    /// The entries of the PO text `bytes`, in file order (the header included).
    ///
    /// - Parameter file: the name errors use.
    /// - Throws: ``CatalogError`` naming `file`, the line and the reason.
    public static func parse(_ bytes: [UInt8], file: String) throws(CatalogError) -> [POEntry] {
        guard bytes.count <= maximumBytes else {
            throw CatalogError(file: file, line: 0, reason: "file is larger than \(maximumBytes >> 20) MiB")
        }
        var reader = POReader(file: file)
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var number = 0
        for rawLine in body.split(separator: 10, omittingEmptySubsequences: false) {
            number += 1
            var lineBytes = rawLine
            if lineBytes.last == 13 { lineBytes = lineBytes.dropLast() }
            guard let line = String(validating: lineBytes, as: UTF8.self) else {
                throw CatalogError(file: file, line: number, reason: "line is not valid UTF-8")
            }
            try reader.read(line, number: number)
        }
        return try reader.finish()
    }
}
