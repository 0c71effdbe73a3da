/// The quoted-printable content transfer encoding of RFC 2045 section 6.7, for text bodies.
package enum QuotedPrintable {
    /// The longest encoded line, soft-break `=` included.
    package static let maxLineLength = 76

    /// Encodes UTF-8 text. Line breaks (CRLF, LF or a lone CR) become CRLF hard breaks; every other
    /// line is split with soft breaks (`=` CRLF) so that no encoded line exceeds 76 characters.
    ///
    /// `=` and non-printable bytes are written as `=XX`; so are a space or tab at the end of a line,
    /// a `.` at the start of a line (safe for SMTP) and the `F` of a line starting with `From `
    /// (safe for mbox). The output ends with CRLF exactly when `text` ends with a line break.
    package static func encode(_ text: String) -> String {
        String(decoding: encodedBytes(text), as: UTF8.self)
    }

    /// `encode(_:)` as ASCII bytes, without the round trip through `String`.
    package static func encodedBytes(_ text: String) -> [UInt8] {
        var utf8 = Array(text.utf8)
        if utf8.isEmpty { return [] }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count * 2)
        utf8.withUnsafeMutableBufferPointer { bytes in
            var lineStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 13 || byte == 10 else {
                    index += 1
                    continue
                }
                encodeLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), into: &output)
                output.append(13)
                output.append(10)
                index += (byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10) ? 2 : 1
                lineStart = index
            }
            encodeLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<bytes.count]), into: &output)
        }
        return output
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func encodeLine(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var column = 0
        for index in line.indices {
            let byte = line[index]
            let isLast = index == line.count - 1
            // Room for a trailing soft-break `=` is kept unless this is the line's last byte.
            let limit = isLast ? maxLineLength : maxLineLength - 1
            var escape = mustEscape(line, at: index, column: column, isLast: isLast)
            if column + (escape ? 3 : 1) > limit {
                output.append(UInt8(ascii: "="))
                output.append(13)
                output.append(10)
                column = 0
                escape = mustEscape(line, at: index, column: 0, isLast: isLast)
            }
            if escape {
                output.append(UInt8(ascii: "="))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
                column += 3
            } else {
                output.append(byte)
                column += 1
            }
        }
    }

    private static func mustEscape(
        _ line: UnsafeBufferPointer<UInt8>, at index: Int, column: Int, isLast: Bool
    ) -> Bool {
        switch line[index] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"): isLast
        case UInt8(ascii: "="): true
        case UInt8(ascii: "."): column == 0
        case UInt8(ascii: "F"): column == 0 && line[index...].starts(with: "From ".utf8)
        case 33...126: false
        default: true
        }
    }
}
