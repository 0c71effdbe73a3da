/// Character classes shared by the header writers.
package enum HeaderCharacters {
    /// Whether `scalar` must never appear in a header value: C0 controls (including CR, LF and TAB), DEL,
    /// C1 controls (including NEL) and the Unicode line and paragraph separators.
    package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Whether `text` contains a character that could break out of a header value.
    package static func containsForbidden(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains(where: isForbidden)
    }

    /// Whether every scalar of `text` is ASCII.
    package static func isASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// RFC 5322 `atext`: the characters of an atom that need no quoting.
    package static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }

    /// RFC 5322 `ftext`: printable ASCII except colon, the characters of a field name.
    package static func isFieldNameCharacter(_ byte: UInt8) -> Bool {
        byte >= 33 && byte <= 126 && byte != UInt8(ascii: ":")
    }
}
