/// Eight bytes at a time, the test ``EmailASCII/shapeNeutral`` makes one byte at a time: whether
/// all eight are printable ASCII (0x21–0x7E) other than `@`, `<`, `>`, `,` and `;`.
///
/// Uses the exact "some byte is zero" and "some byte is below n" word tests (a borrow can only
/// spread past a byte that already matched), so a word is skipped only when all of its bytes
/// are neutral; the byte loop after it decides the rest.
package enum EmailShapeWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The offset of the first eight-byte word from `start` that holds a byte playing a part in
    /// the shape (or the offset where fewer than eight bytes remain).
    @inline(__always)
    package static func skipNeutralWords(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            guard isNeutral(word) else { break }
            index += 8
        }
        return index
    }

    /// Whether all eight bytes of `word` are neutral.
    @inline(__always)
    private static func isNeutral(_ word: UInt64) -> Bool {
        // Some byte at or above 0x80, or below 0x21 (space and controls).
        var flags = word | ((word &- ones &* 0x21) & ~word)
        flags |= hasByte(word, equalTo: 0x7F)
        flags |= hasByte(word, equalTo: UInt8(ascii: "@"))
        flags |= hasByte(word, equalTo: UInt8(ascii: "<"))
        flags |= hasByte(word, equalTo: UInt8(ascii: ">"))
        flags |= hasByte(word, equalTo: UInt8(ascii: ","))
        flags |= hasByte(word, equalTo: UInt8(ascii: ";"))
        return flags & highBits == 0
    }

    /// Non-zero in some high bit exactly when some byte of `word` equals `byte`.
    @inline(__always)
    private static func hasByte(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highBits
    }
}
