/// Eight bytes at a time, the test ``EmailByteClass/shapeNeutral`` makes one byte at a time: which bytes
/// are printable ASCII (0x21–0x7E) other than `@`, `<`, `>`, `,` and `;`.
///
/// Uses the "some byte is zero" and "some byte is below n" word tests. A borrow can only spread
/// upwards past a byte that really matched, so the lowest flagged byte of a word is always a real
/// match: its offset is the flags' trailing zero bits divided by eight, with no byte loop.
package enum EmailShapeWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The offset of the first byte from `start` that plays a part in the shape, or `bytes.count`.
    @inline(__always)
    package static func firstShapeByte(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, bytes.count >= 8 else { return firstShapeByteOfShort(bytes, from: start) }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= bytes.count {
            let flags = shapeFlags(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if flags != 0 { return index + flags.trailingZeroBitCount &>> 3 }
            index += 8
        }
        guard index < bytes.count else { return bytes.count }
        // Fewer than eight bytes left: test the input's last eight, shifted so that the bytes before
        // `index` drop out (one of them may be a shape byte, whose borrow would flag the next) and
        // zero bytes come in at the top (flagged, so the result is at most `bytes.count`).
        let checked = 8 - (bytes.count - index)
        let last = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        return min(index + shapeFlags(last &>> (checked &* 8)).trailingZeroBitCount &>> 3, bytes.count)
    }

    /// ``firstShapeByte(_:from:)`` for inputs shorter than one word, byte by byte.
    private static func firstShapeByteOfShort(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, EmailByteClass.of(bytes[index]) & EmailByteClass.shapeNeutral != 0 { index += 1 }
        return index
    }

    /// The high bit of each byte of `word` that is not neutral (exact for the lowest; bits above
    /// it may be set by a borrow), zero when all eight are neutral.
    @inline(__always)
    private static func shapeFlags(_ word: UInt64) -> UInt64 {
        // Some byte at or above 0x80, or below 0x21 (space and controls).
        var flags = word | ((word &- ones &* 0x21) & ~word)
        flags |= hasByte(word, equalTo: 0x7F)
        flags |= hasByte(word, equalTo: UInt8(ascii: "@"))
        flags |= hasByte(word, equalTo: UInt8(ascii: "<"))
        flags |= hasByte(word, equalTo: UInt8(ascii: ">"))
        flags |= hasByte(word, equalTo: UInt8(ascii: ","))
        flags |= hasByte(word, equalTo: UInt8(ascii: ";"))
        return flags & highBits
    }

    /// Non-zero in some high bit exactly when some byte of `word` equals `byte`.
    @inline(__always)
    private static func hasByte(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highBits
    }
}
