import HeraldCore

/// Writing the address search index in sorted batches (imports; signups after they commit).
extension SQLiteTransaction {
    /// Indexes up to `limit` of the subscribers signups queued (migration 23), lowest ids first,
    /// and takes them off the queue. Returns how many left the queue.
    func indexQueuedSubscribers(limit: Int) throws -> Int {
        let rows = try connection.query(Q.queuedTrigramSubscribers, [.integer(Int64(limit))])
        guard let last = rows.last?.int(0) else { return 0 }
        try indexTrigrams(of: rows)
        try connection.query(Q.dequeueTrigramSubscribers, [.integer(last)])
        return rows.count
    }

    /// Writes the search index entries of `rows` (subscriber id, canonical key; ascending ids; a row
    /// without a key is skipped), leaving any entry already there: the same distinct three-scalar
    /// pieces the trigger of migration 17 writes, in key order, so each page of the index is visited
    /// once per batch. The entries are grouped by piece (a batch of 5,000 addresses has about 140,000
    /// entries but only about 1,600 distinct pieces), each piece's ids already ascending as the rows
    /// are read. Pieces are told apart by their bytes, as SQLite compares them, not by `String`
    /// equality (which would merge a precomposed "é" with "e" and a combining accent).
    func indexTrigrams(of rows: [SQLiteRow]) throws {
        var slots: [TrigramBytes: Int] = [:]
        var pieces: [(key: TrigramBytes, trigram: String, ids: [Int64])] = []
        for row in rows {
            guard let id = row.int(0), let key = row.string(1) else { continue }
            for trigram in AddressTrigrams.of(key) {
                let bytes = TrigramBytes(AddressTrigrams.byteOrderKey(trigram))
                if let slot = slots[bytes] {
                    pieces[slot].ids.append(id)
                } else {
                    slots[bytes] = pieces.count
                    pieces.append((bytes, trigram, [id]))
                }
            }
        }
        for piece in pieces.sorted(by: { $0.key < $1.key }) {
            try connection.run(Q.insertTrigram, text: piece.trigram, integers: piece.ids)
        }
    }
}
