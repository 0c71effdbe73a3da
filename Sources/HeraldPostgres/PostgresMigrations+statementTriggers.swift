extension PostgresMigrations {
    /// Version 22: the search index (migration 17) and the dashboard counters (migration 15) kept by
    /// statement-level triggers over transition tables instead of row-level ones.
    ///
    /// A row-level trigger runs a PL/pgSQL call and its statements once per row: an import batch of
    /// 5,000 subscribers made 5,000 calls per table, and 5,000 updates of the same counter row, each
    /// a new version of it the next had to find. Once per statement, each trigger writes the whole
    /// statement's index entries in key order and each counter once, with the net change of the
    /// statement. Statement triggers with transition tables take one event each and no column list,
    /// so each table has three, and an update writes only the net change of the rows whose counted
    /// columns changed (that of the rest is zero and writes nothing).
    ///
    /// Each counter is also split into ``counterShards`` rows, one per group of connections
    /// (`pg_backend_pid()`): a counter row stays locked by the transaction that changed it until it
    /// ends, so with one row per counter every signup for a newsletter waited for the one before it
    /// to commit (seen in `pg_stat_activity` under `scripts/bench-signup-postgres`: all but one
    /// signup waiting on a `transactionid` lock in `INSERT INTO subscriptions`). A transaction keeps
    /// to its connection's shard, so it takes its counter rows in the same order as before and no new
    /// deadlock can arise. A shard may hold a negative count (a removal counted in another shard than
    /// the addition); readers sum the shards. `PostgresStatementTriggerTests` checks the sums against
    /// a recount from the source rows.
    static let statementTriggers = Migration(
        version: 22, name: "search index and dashboard counters kept once per statement",
        statements: [
            "DROP TRIGGER subscriber_trigrams_change ON subscribers",
            "DROP TRIGGER subscriber_trigrams_update ON subscribers",
            "DROP FUNCTION subscriber_trigrams_track()",
            "DROP TRIGGER subscription_counts_change ON subscriptions",
            "DROP TRIGGER subscription_counts_update ON subscriptions",
            "DROP FUNCTION subscription_counts_track()",
            "DROP TRIGGER consent_daily_change ON consent_events",
            "DROP TRIGGER consent_daily_update ON consent_events",
            "DROP FUNCTION consent_daily_track()",
            "ALTER TABLE subscription_counts ADD COLUMN shard SMALLINT NOT NULL DEFAULT 0",
            "ALTER TABLE subscription_counts DROP CONSTRAINT subscription_counts_pkey",
            "ALTER TABLE subscription_counts ADD PRIMARY KEY (newsletter, status, shard)",
            "ALTER TABLE consent_daily ADD COLUMN shard SMALLINT NOT NULL DEFAULT 0",
            "ALTER TABLE consent_daily DROP CONSTRAINT consent_daily_pkey",
            "ALTER TABLE consent_daily ADD PRIMARY KEY (newsletter, day, action, shard)",
            trigramsFunction,
            subscriptionCountsFunction,
            consentDailyFunction,
        ]
            + statementTriggerStatements(table: "subscribers", prefix: "subscriber_trigrams")
            + statementTriggerStatements(table: "subscriptions", prefix: "subscription_counts")
            + statementTriggerStatements(table: "consent_events", prefix: "consent_daily"))

    /// How many rows each counter is split into.
    static let counterShards = 16

    /// The three statement-level triggers of `table` (`PREFIX_insert`, `_delete`, `_update`, all
    /// calling `PREFIX_track()`), one per event, each naming the transition tables its event has
    /// (`new_rows`, `old_rows`).
    private static func statementTriggerStatements(table: String, prefix: String) -> [String] {
        [
            ("insert", "INSERT", "REFERENCING NEW TABLE AS new_rows"),
            ("delete", "DELETE", "REFERENCING OLD TABLE AS old_rows"),
            ("update", "UPDATE", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ].map { name, event, referencing in
            """
            CREATE TRIGGER \(prefix)_\(name) AFTER \(event) ON \(table)
                \(referencing) FOR EACH STATEMENT EXECUTE FUNCTION \(prefix)_track()
            """
        }
    }

    /// Index entries: every distinct three-character piece of each key, per subscriber. An update
    /// re-indexes only the subscribers whose key changed.
    private static let trigramsFunction = """
        CREATE FUNCTION subscriber_trigrams_track() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO subscriber_trigrams (trigram, subscriber_id)
                    SELECT DISTINCT substr(n.canonical_key, p, 3), n.id
                    FROM new_rows n, generate_series(1, length(n.canonical_key) - 2) p ORDER BY 1, 2;
            ELSIF TG_OP = 'DELETE' THEN
                DELETE FROM subscriber_trigrams t USING (
                    SELECT DISTINCT substr(o.canonical_key, p, 3) AS trigram, o.id
                    FROM old_rows o, generate_series(1, length(o.canonical_key) - 2) p) d
                WHERE t.trigram = d.trigram AND t.subscriber_id = d.id;
            ELSE
                DELETE FROM subscriber_trigrams t USING (
                    SELECT DISTINCT substr(o.canonical_key, p, 3) AS trigram, o.id
                    FROM old_rows o JOIN new_rows n ON n.id = o.id AND n.canonical_key IS DISTINCT FROM o.canonical_key,
                        generate_series(1, length(o.canonical_key) - 2) p) d
                WHERE t.trigram = d.trigram AND t.subscriber_id = d.id;
                INSERT INTO subscriber_trigrams (trigram, subscriber_id)
                    SELECT DISTINCT substr(n.canonical_key, p, 3), n.id
                    FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.canonical_key IS DISTINCT FROM n.canonical_key,
                        generate_series(1, length(n.canonical_key) - 2) p ORDER BY 1, 2;
            END IF;
            RETURN NULL;
        END $$
        """

    /// Subscriptions per newsletter and state: the statement's net change per pair, in the
    /// connection's shard.
    private static let subscriptionCountsFunction = counterFunction(
        name: "subscription_counts_track", table: "subscription_counts", count: "subscriptions",
        key: ["newsletter", "status"], values: ["newsletter", "status"], counted: "TRUE")

    /// Consent events per newsletter, day and action (events without a newsletter are not counted):
    /// the statement's net change per triple, in the connection's shard.
    private static let consentDailyFunction = counterFunction(
        name: "consent_daily_track", table: "consent_daily", count: "events", key: ["newsletter", "day", "action"],
        values: ["newsletter", "occurred_at / 86400000", "action"], counted: "newsletter IS NOT NULL")

    /// A trigger function adding each statement's net change to `table`'s counter rows: `key`
    /// columns (plus `shard`) computed from the changed rows as `values`, rows where `counted` holds.
    private static func counterFunction(
        name: String, table: String, count: String, key: [String], values: [String], counted: String
    ) -> String {
        let keyList = key.joined(separator: ", ")
        let positions = (1...key.count).map(String.init).joined(separator: ", ")
        let selected = zip(values, key).map { "\($0) AS \($1)" }.joined(separator: ", ")
        func changes(_ rows: String, _ sign: String) -> String {
            "SELECT \(selected), \(sign) AS change FROM \(rows) WHERE \(counted)"
        }
        func upsert(_ source: String) -> String {
            """
            INSERT INTO \(table) (\(keyList), shard, \(count))
                    SELECT \(keyList), connection_shard, sum(change) FROM (\(source)) d
                    GROUP BY \(positions) HAVING sum(change) <> 0 ORDER BY \(positions)
                    ON CONFLICT (\(keyList), shard) DO UPDATE SET \(count) = \(table).\(count) + excluded.\(count);
            """
        }
        return """
            CREATE FUNCTION \(name)() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                connection_shard SMALLINT := pg_backend_pid() % \(counterShards);
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    \(upsert(changes("new_rows", "1")))
                ELSIF TG_OP = 'DELETE' THEN
                    \(upsert(changes("old_rows", "-1")))
                ELSE
                    \(upsert(changes("old_rows", "-1") + " UNION ALL " + changes("new_rows", "1")))
                END IF;
                RETURN NULL;
            END $$
            """
    }
}
