/// Multipart boundaries that cannot collide with the parts they separate.
package enum MIMEBoundary {
    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)

    /// A random boundary starting with `=_`, a sequence quoted-printable output never contains,
    /// re-drawn in the (theoretical) case that `--boundary` occurs in one of `parts`.
    package static func make(avoiding parts: [[UInt8]]) -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            var bytes = Array("=_herald_".utf8)
            for _ in 0..<28 { bytes.append(alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))]) }
            let boundary = String(decoding: bytes, as: UTF8.self)
            let delimiter = Array("--\(boundary)".utf8)
            if !parts.contains(where: { occurs(delimiter, in: $0) }) { return boundary }
        }
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
