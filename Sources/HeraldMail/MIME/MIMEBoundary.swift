/// Multipart boundaries that cannot collide with the parts they separate.
package enum MIMEBoundary {
    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)

    /// A random boundary starting with `=_`, a sequence quoted-printable output never contains,
    /// re-drawn in the (theoretical) case that `--boundary` occurs in one of `parts`.
    package static func make(avoiding parts: [[UInt8]]) -> String {
        while true {
            let boundary = random()
            let delimiter = Array("--\(boundary)".utf8)
            if !parts.contains(where: { occurs(delimiter, in: $0) }) { return boundary }
        }
    }

    /// A random boundary for parts that are all quoted-printable output, without searching them:
    /// quoted-printable writes `=` only before two hex digits or a line break, never before `_`.
    package static func forQuotedPrintableParts() -> String { random() }

    /// `=_herald_` and 28 random characters (about 166 bits), drawn with four calls to the system
    /// generator rather than one per character.
    private static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = (generator.next(), generator.next(), generator.next(), generator.next())
        var bytes = Array("=_herald_".utf8)
        withUnsafeBytes(of: words) { random in
            for index in 0..<28 { bytes.append(alphabet[Int(random[index]) % alphabet.count]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `needle` (non-empty) occurs in `haystack`.
    package static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                var index = 0
                let lastStart = hay.count - pin.count
                while index <= lastStart {
                    if hay[index] == first {
                        var matched = 1
                        while matched < pin.count, hay[index + matched] == pin[matched] { matched += 1 }
                        if matched == pin.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
