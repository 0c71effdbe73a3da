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
    public static let countLimit = 16_384

    /// The distinct trigrams of `fragment`, in their first-occurrence order; empty when the
    /// fragment is shorter than three characters (then only a walk can find it).
    public static func of(_ fragment: String) -> [String] {
        let scalars = Array(fragment.unicodeScalars)
        guard scalars.count >= 3 else { return [] }
        var seen = Set<String>()
        var trigrams: [String] = []
        for start in 0...(scalars.count - 3) {
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<(start + 3)])
            let trigram = String(piece)
            if seen.insert(trigram).inserted { trigrams.append(trigram) }
        }
        return trigrams
    }

    /// The trigram a search should walk: the one with the fewest entries, as `entries` counts them
    /// (capped at ``countLimit``); nil when every trigram reaches the cap or there is none. A
    /// trigram with no entries is returned at once: nothing can match.
    public static func rarest(
        of fragment: String, entries: (String) async throws -> Int
    ) async rethrows -> String? {
        var best: (trigram: String, entries: Int)?
        for trigram in of(fragment) {
            let count = try await entries(trigram)
            if count == 0 { return trigram }
            if count < countLimit, count < best?.entries ?? .max { best = (trigram, count) }
        }
        return best?.trigram
    }
}
