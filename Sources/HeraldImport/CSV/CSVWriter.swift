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
    /// CR), also after apostrophes of its own (`'=1`), so that the importer, which removes exactly
    /// one apostrophe again (see ``unneutralised(_:)``), gives back the value unchanged.
    public static func neutralised(_ field: String) -> String {
        formulaAfterApostrophes(field, atLeast: 0) ? "'" + field : field
    }

    /// Undoes ``neutralised(_:)``: drops the first of one or more apostrophes followed by a formula starter.
    public static func unneutralised(_ field: String) -> String {
        formulaAfterApostrophes(field, atLeast: 1) ? String(decoding: field.utf8.dropFirst(), as: UTF8.self) : field
    }

    /// Whether `field` is at least `count` apostrophes and then a formula starter.
    private static func formulaAfterApostrophes(_ field: String, atLeast count: Int) -> Bool {
        let apostrophes = field.utf8.prefix { $0 == UInt8(ascii: "'") }.count
        guard apostrophes >= count, let next = field.utf8.dropFirst(apostrophes).first else { return false }
        return formulaStarters.contains(next)
    }

    private mutating func append(_ field: String) {
        let needsQuotes =
            field.utf8.contains {
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
