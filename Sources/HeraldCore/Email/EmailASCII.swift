/// Byte-level character classes for the ASCII range, used by the validator's hot path.
enum EmailASCII {
    static let at = UInt8(ascii: "@")
    static let dot = UInt8(ascii: ".")
    static let hyphen = UInt8(ascii: "-")
    static let quote = UInt8(ascii: "\"")

    @inline(__always)
    static func isUpper(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "A") < 26 }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }

    /// Space, tab, LF, VT, FF, CR.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// Whether every byte is below 0x80.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        // Eight bytes at a time (unaligned loads), then the rest one by one.
        let raw = UnsafeRawPointer(base)
        var combined: UInt64 = 0
        var offset = 0
        while offset + 8 <= bytes.count {
            combined |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < bytes.count {
            combined |= UInt64(bytes[offset])
            offset += 1
        }
        return combined & 0x8080_8080_8080_8080 == 0
    }
}

extension String {
    /// Runs `body` over the string's contiguous UTF-8 storage, keeping typed throws.
    func withEmailBytes<T, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> T) throws(E) -> T {
        var copy = self
        let result = copy.withUTF8 { bytes in Result { () throws(E) -> T in try body(bytes) } }
        return try result.get()
    }

    /// A string made of `bytes`, which must be valid UTF-8.
    init(emailBytes bytes: UnsafeBufferPointer<UInt8>) {
        self.init(decoding: bytes, as: UTF8.self)
    }
}
