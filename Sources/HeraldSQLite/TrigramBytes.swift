import HeraldCore

/// A trigram's UTF-8 bytes as `AddressTrigrams.byteOrderKey` packs them: equal exactly when the
/// bytes are, and ordered as SQLite's binary collation orders the text.
struct TrigramBytes: Hashable, Comparable {
    let high: UInt64
    let low: UInt64

    init(_ key: (UInt64, UInt64)) {
        high = key.0
        low = key.1
    }

    static func < (left: TrigramBytes, right: TrigramBytes) -> Bool {
        (left.high, left.low) < (right.high, right.low)
    }
}
