/// SQL for bulk import and export on SQLite.
///
/// A batch is staged row by row into a connection-local temporary table (prepared inserts, no
/// round trips in an embedded database), then written with four set-based statements.
extension SQLiteQueries {
    // MARK: Import
    /// The importing connection's page cache, 4 MiB (SQLite's default is 2 MB): bounded whatever the
    /// file size. A bigger one (16 MiB, then 64 MiB) kept more of the `canonical_key` index and the
    /// search index in memory, but pages it does not hold are read back from the operating system's
    /// cache, and each 16 MiB held costs 16 MB of peak memory (issue #21, BENCHMARKS.md).
    static let importCacheSize = "PRAGMA cache_size = -4096"
    static let createImportStage = """
        CREATE TEMP TABLE IF NOT EXISTS import_stage (
            email TEXT NOT NULL, smtp_address TEXT NOT NULL, canonical_key TEXT NOT NULL, name TEXT,
            attributes TEXT NOT NULL, newsletter TEXT NOT NULL, status TEXT NOT NULL, created_at INTEGER NOT NULL,
            confirmed_at INTEGER, language TEXT, new_language TEXT, subscriber_id INTEGER)
        """
    static let clearImportStage = "DELETE FROM temp.import_stage"
    static let stageImportRow = """
        INSERT INTO temp.import_stage (email, smtp_address, canonical_key, name, attributes, newsletter, status,
            created_at, confirmed_at, language, new_language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    /// `?1`: the import time.
    static let importSubscribers = """
        INSERT INTO subscribers (email, smtp_address, canonical_key, name, attributes, language, created_at, updated_at)
        SELECT email, smtp_address, canonical_key, name, attributes, coalesce(language, new_language), created_at, ?1
        FROM temp.import_stage WHERE true
        ON CONFLICT (canonical_key) DO UPDATE SET name = coalesce(excluded.name, subscribers.name),
            attributes = CASE WHEN excluded.attributes = '{}' THEN subscribers.attributes
                ELSE json_patch(subscribers.attributes, excluded.attributes) END,
            updated_at = excluded.updated_at
        """
    /// The languages the file names, over the stored ones (after `resolveStagedSubscribers`; run
    /// only when some staged row names one).
    static let importLanguages = """
        UPDATE subscribers SET language = r.language FROM temp.import_stage r
        WHERE r.language IS NOT NULL AND subscribers.id = r.subscriber_id
        """
    /// The highest subscriber id; the ids a batch inserts are above it (no AUTOINCREMENT gaps matter).
    static let lastSubscriberID = "SELECT coalesce(max(id), 0) FROM subscribers"
    /// Stands the per-row trigram trigger aside for this transaction (migration 21); always
    /// followed by `resumeTrigrams` in the same transaction.
    static let deferTrigrams = "INSERT INTO subscriber_trigrams_deferred (deferred) VALUES (1)"
    static let resumeTrigrams = "DELETE FROM subscriber_trigrams_deferred"
    /// `?1`: the last id before the batch. The subscribers the batch inserted.
    static let subscribersAfter = "SELECT id, canonical_key FROM subscribers WHERE id > ?1 ORDER BY id"
    static let resolveStagedSubscribers = """
        UPDATE temp.import_stage
        SET subscriber_id = (SELECT id FROM subscribers s WHERE s.canonical_key = import_stage.canonical_key)
        """
    static let importPreexisting = """
        SELECT r.canonical_key, r.newsletter, sub.updated_at FROM temp.import_stage r
        JOIN subscriptions sub ON sub.subscriber_id = r.subscriber_id AND sub.newsletter = r.newsletter
        """
    /// `?1`: the import time. Returns the subscriptions created or moved from pending to confirmed.
    static let importSubscriptions = """
        INSERT INTO subscriptions (\(subscriptionColumns))
        SELECT r.subscriber_id, r.newsletter, r.status, r.created_at, ?1,
            CASE WHEN r.status = 'confirmed' THEN coalesce(r.confirmed_at, ?1) END,
            CASE WHEN r.status = 'unsubscribed' THEN ?1 END
        FROM temp.import_stage r WHERE true
        ON CONFLICT (subscriber_id, newsletter) DO UPDATE SET status = 'confirmed', updated_at = excluded.updated_at,
            confirmed_at = excluded.confirmed_at
            WHERE subscriptions.status = 'pending' AND excluded.status = 'confirmed'
        RETURNING \(subscriptionColumns)
        """
    /// `?1`: JSON array of subscriber ids; `?2` newsletter; `?3` source; `?4` time.
    static let importConsent = """
        INSERT INTO consent_events (subscriber_id, newsletter, action, source, occurred_at)
        SELECT value, ?2, 'import', ?3, ?4 FROM json_each(?1)
        """

    // MARK: Export
    /// `?1` newsletter or NULL, `?2` status or NULL, `?3`/`?4` the last row's subscriber id and newsletter, `?5` limit.
    static let exportPage = """
        SELECT s.id, s.email, s.smtp_address, s.canonical_key, s.name, s.attributes, s.created_at, s.updated_at,
            s.language, sub.subscriber_id, sub.newsletter, sub.status, sub.created_at, sub.updated_at, sub.confirmed_at,
            sub.unsubscribed_at
        FROM subscriptions sub JOIN subscribers s ON s.id = sub.subscriber_id
        WHERE (?1 IS NULL OR sub.newsletter = ?1) AND (?2 IS NULL OR sub.status = ?2)
            AND (sub.subscriber_id > ?3 OR (sub.subscriber_id = ?3 AND sub.newsletter > ?4))
        ORDER BY sub.subscriber_id, sub.newsletter LIMIT ?5
        """
    static let exportAttributeNames = """
        SELECT DISTINCT a.key FROM subscribers s, json_each(s.attributes) a
        WHERE EXISTS (SELECT 1 FROM subscriptions sub WHERE sub.subscriber_id = s.id
            AND (?1 IS NULL OR sub.newsletter = ?1) AND (?2 IS NULL OR sub.status = ?2))
        ORDER BY a.key
        """
}
