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

    /// ``optimalStringAlignment(_:_:limit:)`` without its early refusals, one column of the table
    /// at a time as bits of a word (Hyyrö's bit-parallel algorithm with transpositions, 2003):
    /// about a dozen word operations per byte of `a` instead of a band of cells. `b` is
    /// non-empty and at most 64 bytes long.
    package static func bitParallel(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int
    {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 256) { table in
            table.initialize(repeating: 0)
            for index in b.indices { table[Int(b[index])] |= 1 &<< UInt64(index) }
            return bitParallel(a, patternLength: b.count, table: UnsafePointer(table.baseAddress!), limit: limit)
        }
    }

    /// ``bitParallel(_:_:limit:)`` with the pattern `b` given as its match table: entry `v` of
    /// the 256 has bit `i` set when `b[i] == v` (bits from `patternLength` up are ignored).
    static func bitParallel(
        _ a: UnsafeBufferPointer<UInt8>, patternLength: Int, table: UnsafePointer<UInt64>, limit: Int
    ) -> Int {
        let last: UInt64 = 1 &<< UInt64(patternLength - 1)
        // Bit i of a vertical delta vector is for row i + 1 of the column: +1 (positive), -1 (negative).
        var positive = UInt64.max
        var negative: UInt64 = 0
        var diagonalZero: UInt64 = 0
        var previousMatches: UInt64 = 0
        var distance = patternLength
        for byte in a {
            let matches = table[Int(byte)]
            let transposed = ((~diagonalZero & matches) &<< 1) & previousMatches
            diagonalZero = (((matches & positive) &+ positive) ^ positive) | matches | negative | transposed
            let horizontalPositive = negative | ~(diagonalZero | positive)
            let horizontalNegative = diagonalZero & positive
            if horizontalPositive & last != 0 { distance += 1 }
            if horizontalNegative & last != 0 { distance -= 1 }
            let shiftedPositive = (horizontalPositive &<< 1) | 1
            positive = (horizontalNegative &<< 1) | ~(diagonalZero | shiftedPositive)
            negative = shiftedPositive & diagonalZero
            previousMatches = matches
        }
        return min(distance, limit + 1)
    }

    /// The OSA distance between two strings' UTF-8 bytes, capped at `limit + 1`.
    package static func optimalStringAlignment(_ a: String, _ b: String, limit: Int) -> Int {
        Array(a.utf8).withUnsafeBufferPointer { a in
            Array(b.utf8).withUnsafeBufferPointer { b in optimalStringAlignment(a, b, limit: limit) }
        }
    }
}
