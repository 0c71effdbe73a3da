/// Decodes character references (`&amp;`, `&#x2014;`, `&#150;`, `&nbsp;`) the way browsers do,
/// closely enough that a filter-evasion trick decodes to what a browser would see.
enum HTMLEntities {
    /// `text` with its character references replaced. In attribute values (`inAttribute`), a
    /// name without `;` followed by a letter, digit or `=` is left alone, as browsers do.
    static func decode(_ text: String, inAttribute: Bool = false) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return decode(Array(text.utf8)[...], inAttribute: inAttribute)
    }

    /// The bytes (UTF-8) with character references replaced.
    static func decode(_ bytes: ArraySlice<UInt8>, inAttribute: Bool = false) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "&"), let (scalar, next) = reference(in: bytes, at: index, inAttribute) {
                output.append(contentsOf: String(Character(scalar)).utf8)
                index = next
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The character a reference starting at `start` (an `&`) stands for, and the index after it.
    private static func reference(
        in bytes: ArraySlice<UInt8>, at start: Int, _ inAttribute: Bool
    ) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == UInt8(ascii: "#") { return numeric(in: bytes, after: index) }
        while index < bytes.endIndex, index - start <= 32, bytes[index].isASCIIAlphanumeric { index += 1 }
        let name = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
        guard !name.isEmpty, let value = HTMLEntityTable.scalars[name], let scalar = Unicode.Scalar(value) else {
            return nil
        }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ";") { return (scalar, index + 1) }
        guard ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"].contains(name) else { return nil }
        if inAttribute, index < bytes.endIndex, bytes[index].isASCIIAlphanumeric || bytes[index] == UInt8(ascii: "=") {
            return nil
        }
        return (scalar, index)
    }

    /// `&#123;` or `&#x7B;`, the `;` optional. Out-of-range values become U+FFFD; 0x80…0x9F are
    /// read as Windows-1252, as browsers do (`&#150;` is an en dash).
    private static func numeric(in bytes: ArraySlice<UInt8>, after hash: Int) -> (Unicode.Scalar, Int)? {
        var index = hash + 1
        let hex = index < bytes.endIndex && (bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X"))
        if hex { index += 1 }
        let digitsStart = index
        var value: UInt32 = 0
        while index < bytes.endIndex, let digit = digitValue(bytes[index], hex: hex) {
            value = min(value &* (hex ? 16 : 10) &+ digit, 0x11_0000)
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ";") { index += 1 }
        if (0x80...0x9F).contains(value), let mapped = windows1252[Int(value - 0x80)] { value = mapped }
        let scalar = value == 0 ? nil : Unicode.Scalar(value)
        return (scalar ?? "\u{FFFD}", index)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// What 0x80…0x9F mean in Windows-1252 (nil: unassigned, kept as the C1 control).
    private static let windows1252: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil,
        0x017D, nil, nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, nil, 0x017E, 0x0178,
    ]
}
