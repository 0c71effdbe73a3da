/// JSON object text whose members are all strings — how subscriber attributes are stored, and the
/// lines `herald check-email --json` prints — written by hand, because JSONEncoder was most of the
/// run time of large imports and checks.
///
/// Keys are sorted by their UTF-8 bytes. In strings, `"` and `\` are escaped, as are the control
/// characters U+0000…U+001F and U+007F, and U+FEFF: Foundation's JSON reader drops a U+FEFF at
/// the start of a string (as a byte order mark), which would turn the key `\u{FEFF}city` into `city`.
package enum FlatJSONObject {
    /// `members` as one JSON object; `{}` when there are none.
    package static func text(_ members: [(String, String)]) -> String {
        var out: [UInt8] = []
        append(members, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `members` as one JSON object to `out`.
    package static func append(_ members: [(String, String)], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        for (index, (key, value)) in sorted.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendString(value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Appends `text` as one JSON string, quotes included, to `out`.
    package static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if text.utf8.contains(0xEF) {  // the lead byte of U+FEFF's UTF-8 form
            let pieces = text.unicodeScalars.split(separator: "\u{FEFF}", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index > 0 { out.append(contentsOf: "\\ufeff".utf8) }
                appendEscaped(String(String.UnicodeScalarView(piece)).utf8, to: &out)
            }
        } else {
            appendEscaped(text.utf8, to: &out)
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendEscaped(_ utf8: String.UTF8View, to out: inout [UInt8]) {
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0..<0x20, 0x7F:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default:
                out.append(byte)
            }
        }
    }
}
