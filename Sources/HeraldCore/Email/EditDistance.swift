/// Optimal string alignment distance (restricted Damerau–Levenshtein) over bytes: the number of
/// insertions, deletions, substitutions and swaps of neighbours needed to turn one string into
/// the other, each substring edited at most once.
package enum EditDistance {
    /// The OSA distance between `a` and `b` when it is at most `limit`, otherwise `limit + 1`.
    /// Works in stack memory; inputs are expected to be short (domain names).
    ///
    /// Only the band of cells within `limit` of the diagonal is computed: an alignment costing at
    /// most `limit` never leaves it, and cells outside it are taken as `limit + 1`.
    package static func optimalStringAlignment(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int
    ) -> Int {
        let tooFar = limit + 1
        if abs(a.count - b.count) > limit { return tooFar }
        if a.isEmpty || b.isEmpty { return min(max(a.count, b.count), tooFar) }
        if ByteValueMasks(a).differ(from: ByteValueMasks(b), byMoreThan: limit) { return tooFar }
        return banded(a, b, limit: limit)
    }

    /// ``optimalStringAlignment(_:_:limit:)`` without its early refusals: for callers that made
    /// them already. `a` and `b` are non-empty and differ in length by at most `limit`.
    static func banded(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let tooFar = limit + 1
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            // Three rows live in one buffer; these offsets rotate instead of copying.
            var twoBack = 0
            var previous = width
            var current = 2 * width
            for j in 0..<width { rows[previous + j] = min(j, tooFar) }
            for i in 1...a.count {
                let low = max(1, i - limit)
                let high = min(b.count, i + limit)
                // The cell left of the band (column 0 when the band reaches it) and the one right of it.
                rows[current + low - 1] = min(low == 1 ? i : tooFar, tooFar)
                if high < b.count { rows[current + high + 1] = tooFar }
                var rowMinimum = rows[current + low - 1]
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, rows[twoBack + j - 2] + 1)
                    }
                    rows[current + j] = min(value, tooFar)
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return tooFar }
                (twoBack, previous, current) = (previous, current, twoBack)
            }
            return rows[previous + b.count]
        }
    }

    /// The OSA distance between two strings' UTF-8 bytes, capped at `limit + 1`.
    package static func optimalStringAlignment(_ a: String, _ b: String, limit: Int) -> Int {
        Array(a.utf8).withUnsafeBufferPointer { a in
            Array(b.utf8).withUnsafeBufferPointer { b in optimalStringAlignment(a, b, limit: limit) }
        }
    }
}
