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
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        let lines = splitLines(Array(text.utf8))
        for (index, line) in lines.enumerated() {
            if index > 0 { output.append(contentsOf: crlf) }
            encodeLine(line, into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let crlf: [UInt8] = [13, 10]
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Splits at CRLF, LF and CR; `n` breaks always give `n + 1` lines (the last may be empty).
    private static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 13 || byte == 10 {
                lines.append(bytes[start..<index])
                index += (byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10) ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var column = 0
        var index = line.startIndex
        while index < line.endIndex {
            let isLast = index == line.index(before: line.endIndex)
            // Room for a trailing soft-break `=` is kept unless this is the line's last byte.
            let limit = isLast ? maxLineLength : maxLineLength - 1
            var token = encodedToken(line, at: index, column: column, isLast: isLast)
            if column + token.count > limit {
                output.append(UInt8(ascii: "="))
                output.append(contentsOf: crlf)
                column = 0
                token = encodedToken(line, at: index, column: 0, isLast: isLast)
            }
            output.append(contentsOf: token)
            column += token.count
            index = line.index(after: index)
        }
    }

    private static func encodedToken(_ line: ArraySlice<UInt8>, at index: Int, column: Int, isLast: Bool) -> [UInt8] {
        let byte = line[index]
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
            return isLast ? escaped(byte) : [byte]
        case UInt8(ascii: "=") :
            return escaped(byte)
        case UInt8(ascii: ".") where column == 0:
            return escaped(byte)
        case UInt8(ascii: "F") where column == 0 && line[index...].starts(with: "From ".utf8):
            return escaped(byte)
        case 33...126:
            return [byte]
        default:
            return escaped(byte)
        }
    }

    private static func escaped(_ byte: UInt8) -> [UInt8] {
        [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
    }
}
