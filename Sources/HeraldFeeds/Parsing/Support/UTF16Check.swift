/// Decides whether a document that is not ASCII-compatible is well-formed UTF-16, so that
/// only text libxml2 can transcode to valid UTF-8 reaches `XMLParser` (whose callbacks stop
/// the process on invalid UTF-8 instead of reporting an error).
enum UTF16Check {
    /// True when `bytes` starts with a UTF-16 byte-order mark or with `<?` in UTF-16 (the two
    /// forms XML and libxml2 recognise), has an even length and has no unpaired surrogates.
    static func isValidDocument(_ bytes: [UInt8]) -> Bool {
        guard let units = codeUnits(bytes) else { return false }
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The document's UTF-16 code units in the byte order its start declares, or nil when it
    /// does not start like UTF-16 or has an odd length.
    static func codeUnits(_ bytes: [UInt8]) -> [UInt16]? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let bigEndian: Bool
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            bigEndian = true
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
            bigEndian = false
        } else {
            return nil
        }
        return stride(from: 0, to: bytes.count, by: 2).map { index -> UInt16 in
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            return UInt16(high) << 8 | UInt16(low)
        }
    }
}
