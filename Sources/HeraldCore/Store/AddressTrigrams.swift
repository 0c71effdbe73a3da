/// The three-character pieces ("trigrams") the SQL stores index subscriber addresses by, so a search
/// for part of an address reads the few subscribers that contain its rarest piece instead of every
/// subscriber.
///
/// A trigram is three consecutive Unicode scalars of the lower-case canonical key, which is how
/// SQLite's and PostgreSQL's `substr` count characters; the stores' triggers index the same pieces.
/// The index only narrows the candidates: the stores still check every candidate with a substring
/// match, so a fragment matches exactly what it matched without the index.
public enum AddressTrigrams {
    /// The most entries a store counts for one trigram when it looks for the rarest piece of a
    /// fragment. A fragment whose every piece is at least this common is searched by walking the
    /// subscribers in id order, which fills a page quickly exactly when matches are common.
    public static let countLimit = 4_096
    /// The most trigrams of one fragment a store counts, spread over the fragment from its first
    /// piece to its last: neighbouring pieces of a long fragment overlap and are about as common,
    /// and each count can cost up to ``countLimit`` index entries.
    public static let countedTrigrams = 6

    /// The distinct trigrams of `fragment`, in their first-occurrence order; empty when the
    /// fragment is shorter than three characters (then only a walk can find it).
    public static func of(_ fragment: String) -> [String] {
        let bytes = Array(fragment.utf8)
        var starts: [Int] = []  // the byte offset of each scalar, then the end
        starts.reserveCapacity(bytes.count + 1)
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { starts.append(offset) }
        starts.append(bytes.count)
        let scalars = starts.count - 1
        guard scalars >= 3 else { return [] }
        var seen = Set<String>(minimumCapacity: scalars)
        var trigrams: [String] = []
        trigrams.reserveCapacity(scalars - 2)
        for start in 0...(scalars - 3) {
            let trigram = String(decoding: bytes[starts[start]..<starts[start + 3]], as: UTF8.self)
            if seen.insert(trigram).inserted { trigrams.append(trigram) }
        }
        return trigrams
    }

    /// A key that orders trigrams as their UTF-8 bytes do: the first 16 bytes, big-endian, zero
    /// padded (a trigram is at most 12 bytes, and an address holds no NUL).
    public static func byteOrderKey(_ trigram: String) -> (UInt64, UInt64) {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var index = 0
        for byte in trigram.utf8.prefix(16) {
            if index < 8 {
                high |= UInt64(byte) << (56 - 8 * index)
            } else {
                low |= UInt64(byte) << (56 - 8 * (index - 8))
            }
            index += 1
        }
        return (high, low)
    }

    /// The trigram a search should walk: of at most ``countedTrigrams`` of the fragment's pieces,
    /// the one with the fewest entries, as `entries` counts them (capped at ``countLimit``); nil when
    /// every counted trigram reaches the cap or there is none. A trigram with no entries is returned
    /// at once: nothing can match.
    public static func rarest(
        of fragment: String, entries: (String) async throws -> Int
    ) async rethrows -> String? {
        var best: (trigram: String, entries: Int)?
        for trigram in spread(of(fragment), keeping: countedTrigrams) {
            let count = try await entries(trigram)
            if count == 0 { return trigram }
            if count < countLimit, count < best?.entries ?? .max { best = (trigram, count) }
        }
        return best?.trigram
    }

    /// At most `count` of `trigrams`, evenly spaced from the first to the last.
    static func spread(_ trigrams: [String], keeping count: Int) -> [String] {
        guard trigrams.count > count, count > 1 else { return Array(trigrams.prefix(max(count, 0))) }
        let last = trigrams.count - 1
        return (0..<count).map { trigrams[($0 * last + (count - 1) / 2) / (count - 1)] }
    }
}
