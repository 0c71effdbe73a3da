/// A message's bytes as lines (LF or CRLF endings, the break removed), each decoded as UTF-8 with
/// invalid sequences replaced, so hostile bytes can never stop the parse.
struct ReportLines {
    let lines: [String]

    /// The most lines read from one message; real reports put their status part within the first
    /// few hundred, so a file of millions of short lines costs bounded memory (the rest is ignored,
    /// as for a truncated message).
    static let maximumLines = 100_000

    init(_ bytes: some Collection<UInt8>) {
        var lines: [String] = []
        var current: [UInt8] = []
        for byte in bytes {
            guard lines.count < Self.maximumLines else { break }
            if byte == 0x0A {
                if current.last == 0x0D { current.removeLast() }
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty, lines.count < Self.maximumLines {
            if current.last == 0x0D { current.removeLast() }
            lines.append(String(decoding: current, as: UTF8.self))
        }
        self.lines = lines
    }

    init(lines: [String]) { self.lines = lines }
}

/// Header fields (RFC 5322 syntax, as in message headers and DSN field groups), unfolded.
struct HeaderBlock {
    /// Fields in order: the name lower-cased, the value trimmed with folds joined by one space.
    private(set) var fields: [(name: String, value: String)] = []

    /// The most fields kept from one block; the rest are ignored (a hostile file can have millions).
    static let maximumFields = 500

    init(_ lines: ArraySlice<String>) {
        for line in lines {
            if let first = line.unicodeScalars.first, first == " " || first == "\t" {
                guard !fields.isEmpty else { continue }
                fields[fields.count - 1].value += " " + line.trimmedSpaces
                continue
            }
            // The block ends at the first line that is not a field (RFC 5322 `field-name ":"`), as in
            // Python's email package: what follows such a line is body, not header.
            guard let colon = line.firstIndex(of: ":"), Self.isFieldName(line[..<colon]) else { break }
            guard fields.count < Self.maximumFields else { continue }
            fields.append((line[..<colon].lowercased(), String(line[line.index(after: colon)...]).trimmedSpaces))
        }
    }

    /// RFC 5322 `field-name`: one or more printable US-ASCII characters other than `:`.
    static func isFieldName(_ name: Substring) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && $0 != ":" }
    }

    /// The first value of the field `name` (lower-case), if present.
    subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }
}

/// Splits a message (or a body part) into its header lines and its body lines at the first empty line.
func splitHeaderAndBody(_ lines: ArraySlice<String>) -> (header: ArraySlice<String>, body: ArraySlice<String>) {
    guard let blank = lines.firstIndex(where: { $0.isEmpty }) else { return (lines, lines[lines.endIndex...]) }
    return (lines[..<blank], lines[(blank + 1)...])
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmedSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
