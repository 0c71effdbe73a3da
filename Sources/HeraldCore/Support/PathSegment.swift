/// Percent-encoding of one URL path segment.
package enum PathSegment {
    /// `text` with every byte outside RFC 3986's unreserved set percent-encoded.
    package static func escape(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let unreserved =
                (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte)
                || byte == 45 || byte == 46 || byte == 95 || byte == 126
            if unreserved {
                result.append(Character(UnicodeScalar(byte)))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
