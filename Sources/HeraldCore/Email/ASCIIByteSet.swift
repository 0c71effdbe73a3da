/// A set of ASCII bytes held as two 64-bit masks, so that a membership test is a shift and a
/// bit test instead of a chain of comparisons. Bytes from 0x80 up are never members.
struct ASCIIByteSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// ASCII letters and digits plus the bytes of `others` (which must be ASCII).
    init(alphanumericsAnd others: StaticString) {
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { insert(byte) }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") {
            insert(byte)
            insert(byte - 0x20)
        }
        insert(others)
    }

    /// The bytes of `range` (within ASCII) except those of `excluded`.
    init(range: ClosedRange<UInt8>, except excluded: StaticString) {
        for byte in range { insert(byte) }
        let remove = ASCIIByteSet(bytes: excluded)
        low &= ~remove.low
        high &= ~remove.high
    }

    private init(bytes: StaticString) {
        insert(bytes)
    }

    /// Whether `byte` is in the set.
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let word = byte < 64 ? low : high
        return byte < 128 && (word &>> UInt64(byte & 63)) & 1 != 0
    }

    private mutating func insert(_ bytes: StaticString) {
        UnsafeBufferPointer(start: bytes.utf8Start, count: bytes.utf8CodeUnitCount).forEach { insert($0) }
    }

    private mutating func insert(_ byte: UInt8) {
        precondition(byte < 128, "ASCIIByteSet holds ASCII bytes only")
        if byte < 64 { low |= 1 &<< UInt64(byte) } else { high |= 1 &<< UInt64(byte - 64) }
    }
}
