/// Writes RFC 4180 records for spreadsheets: CRLF line breaks, fields quoted when needed, and
/// cells that a spreadsheet would run as a formula neutralised (OWASP "CSV injection").
public struct CSVWriter {
    /// The UTF-8 byte order mark, so Excel reads the file as UTF-8.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes written so far; take them with ``drain()``.
    public private(set) var buffer: [UInt8] = []

    public init() {}

    /// Appends one record.
    public mutating func write(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            append(Self.neutralised(field))
        }
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    /// Returns and clears the buffered bytes.
    public mutating func drain() -> [UInt8] {
        defer { buffer.removeAll(keepingCapacity: true) }
        return buffer
    }

    /// Characters that make a spreadsheet treat a cell as a formula when they start it.
    static let formulaStarters: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// `field` with an apostrophe in front when it starts like a formula (`=`, `+`, `-`, `@`, tab,
    /// CR); the importer removes exactly that apostrophe again (see ``unneutralised(_:)``).
    public static func neutralised(_ field: String) -> String {
        guard let first = field.utf8.first, formulaStarters.contains(first) else { return field }
        return "'" + field
    }

    /// Undoes ``neutralised(_:)``: drops an apostrophe followed by a formula starter.
    public static func unneutralised(_ field: String) -> String {
        let bytes = field.utf8
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "'"),
            formulaStarters.contains(bytes[bytes.index(after: bytes.startIndex)])
        else { return field }
        return String(field.dropFirst())
    }

    private mutating func append(_ field: String) {
        let needsQuotes = field.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
        } || field.utf8.first == UInt8(ascii: " ") || field.utf8.last == UInt8(ascii: " ")
        guard needsQuotes else {
            buffer.append(contentsOf: field.utf8)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for byte in field.utf8 {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
