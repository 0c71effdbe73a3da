/// SQL that writes the address search index (migrations 17, 21 and 23; see `AddressTrigrams`).
extension SQLiteQueries {
    /// `?1` trigram, `?2` subscriber id: one search index entry, leaving one already there (a queued
    /// subscriber whose address changed got its entries from the update trigger).
    static let insertTrigram = """
        INSERT OR IGNORE INTO subscriber_trigrams (trigram, subscriber_id) VALUES (?1, ?2)
        """
    /// `?1`: how many. The first queued subscribers and their keys, in id order; the key is NULL for
    /// an id whose subscriber is gone (the queue row outlived it only with foreign keys off).
    static let queuedTrigramSubscribers = """
        SELECT p.subscriber_id, s.canonical_key FROM subscriber_trigrams_pending p
        LEFT JOIN subscribers s ON s.id = p.subscriber_id
        ORDER BY p.subscriber_id LIMIT ?1
        """
    /// `?1`: the last id indexed. Takes the indexed subscribers off the queue.
    static let dequeueTrigramSubscribers = "DELETE FROM subscriber_trigrams_pending WHERE subscriber_id <= ?1"
}
