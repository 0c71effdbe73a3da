/// Which byte values (modulo 128) occur in a string: values 0–63 in ``low``, 64–127 in ``high``.
///
/// Every value that occurs in one string but not in another needs an edit of its own (one
/// insertion, deletion or substitution brings in or removes at most one value), so two strings'
/// masks give a lower bound of their edit distance without any table (see ``differ(from:byMoreThan:)``).
struct ByteValueMasks: Sendable {
    /// Values 0–63 that occur.
    var low: UInt64 = 0
    /// Values 64–127 (and 192–255) that occur.
    var high: UInt64 = 0

    /// The masks of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            let bit: UInt64 = 1 &<< UInt64(byte & 63)
            if byte & 64 == 0 { low |= bit } else { high |= bit }
        }
    }

    /// Whether the edit distance between the strings these masks were made of is certainly
    /// above `limit`: more than `limit` values occur in one of them only.
    @inline(__always)
    func differ(from other: ByteValueMasks, byMoreThan limit: Int) -> Bool {
        Self.count(low & ~other.low, high & ~other.high, exceeds: limit)
            || Self.count(other.low & ~low, other.high & ~high, exceeds: limit)
    }

    /// Whether the two masks hold more than `limit` bits between them. Counts by clearing the
    /// lowest bit, which stops after `limit + 1` steps (the limits are 0 to 2).
    @inline(__always)
    private static func count(_ first: UInt64, _ second: UInt64, exceeds limit: Int) -> Bool {
        var first = first
        var second = second
        var count = 0
        while first != 0 {
            first &= first &- 1
            count += 1
            if count > limit { return true }
        }
        while second != 0 {
            second &= second &- 1
            count += 1
            if count > limit { return true }
        }
        return false
    }
}
