/// Optimal string alignment distance (restricted Damerau–Levenshtein) over bytes: the number of
/// insertions, deletions, substitutions and swaps of neighbours needed to turn one string into
/// the other, each substring edited at most once.
enum EditDistance {
    /// The OSA distance between `a` and `b`, or `limit + 1` as soon as it must exceed `limit`.
    /// Works in stack memory; inputs are expected to be short (domain names).
    static func optimalStringAlignment(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int
    ) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            // Three rows live in one buffer; these offsets rotate instead of copying.
            var twoBack = 0
            var previous = width
            var current = 2 * width
            for j in 0..<width {
                rows[twoBack + j] = 0
                rows[previous + j] = j
            }
            for i in 1...a.count {
                rows[current] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, rows[twoBack + j - 2] + 1)
                    }
                    rows[current + j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                (twoBack, previous, current) = (previous, current, twoBack)
            }
            return rows[previous + b.count]
        }
    }

    /// The OSA distance between two strings' UTF-8 bytes, capped at `limit + 1`.
    static func optimalStringAlignment(_ a: String, _ b: String, limit: Int) -> Int {
        Array(a.utf8).withUnsafeBufferPointer { a in
            Array(b.utf8).withUnsafeBufferPointer { b in optimalStringAlignment(a, b, limit: limit) }
        }
    }
}
