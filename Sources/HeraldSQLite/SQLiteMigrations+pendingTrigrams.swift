extension SQLiteMigrations {
    /// Version 23: a new subscriber's search index entries are written after its signup commits.
    ///
    /// The trigger of migration 21 wrote about 29 index entries at random places of
    /// `subscriber_trigrams` inside every signup's transaction: more of the one SQLite writer's time
    /// than the subscriber, subscription, consent event, token and outbox rows together (issue #21,
    /// BENCHMARKS.md). The trigger now queues the subscriber's id in `subscriber_trigrams_pending`
    /// (one small row, the same for every address), and `herald serve` indexes the queue in sorted
    /// batches every second (`SQLiteStore.indexQueuedSubscribers`). A search walks the queue
    /// besides the index, so it finds a subscriber before and after its entries are written.
    ///
    /// A queued subscriber that is deleted leaves the queue with it (the foreign key; a queue row
    /// left by a deletion with foreign keys off is ignored when its id is inserted again); one whose
    /// address changes while queued gets its entries from the update trigger, which the batch then
    /// leaves as they are. The tokens index `tokens_by_subscriber` goes: `tokens_by_subscriber_created`
    /// (subscriber, purpose, created) serves every lookup by subscriber, and each signup wrote both.
    static let pendingTrigrams = Migration(
        version: 23, name: "signups queue their search index entries for a batch after commit",
        sql: """
            CREATE TABLE subscriber_trigrams_pending (
                subscriber_id INTEGER PRIMARY KEY REFERENCES subscribers(id) ON DELETE CASCADE
            );
            DROP TRIGGER subscriber_trigrams_insert;
            CREATE TRIGGER subscriber_trigrams_insert AFTER INSERT ON subscribers
                WHEN NOT EXISTS (SELECT 1 FROM subscriber_trigrams_deferred) BEGIN
                INSERT OR IGNORE INTO subscriber_trigrams_pending (subscriber_id) VALUES (new.id);
            END;
            DROP INDEX tokens_by_subscriber;
            """)
}
