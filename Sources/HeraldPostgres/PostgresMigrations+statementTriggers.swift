extension PostgresMigrations {
    /// Version 22: the search index (migration 17) and the dashboard counters (migration 15) kept by
    /// statement-level triggers over transition tables instead of row-level ones.
    ///
    /// A row-level trigger runs a PL/pgSQL call and its statements once per row: an import batch of
    /// 5,000 subscribers made 5,000 calls per table, and 5,000 updates of the same counter row, each
    /// a new version of it the next had to find. Once per statement, each trigger writes the whole
    /// statement's index entries in key order and each counter once, with the net change of the
    /// statement. The stored rows are exactly the row-level triggers' (`CounterContractTests`,
    /// `ImportSearchContractTests`). Statement triggers with transition tables take one event each
    /// and no column list, so each table has three, and an update recomputes only the rows whose
    /// counted columns changed (the net change of the rest is zero and writes nothing).
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
            trigramsFunction,
            subscriptionCountsFunction,
            consentDailyFunction,
        ]
            + statementTriggerStatements(table: "subscribers", prefix: "subscriber_trigrams")
            + statementTriggerStatements(table: "subscriptions", prefix: "subscription_counts")
            + statementTriggerStatements(table: "consent_events", prefix: "consent_daily"))

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

    /// Subscriptions per newsletter and state: the statement's net change per pair.
    private static let subscriptionCountsFunction = """
        CREATE FUNCTION subscription_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO subscription_counts (newsletter, status, subscriptions)
                    SELECT newsletter, status, count(*) FROM new_rows GROUP BY newsletter, status ORDER BY 1, 2
                    ON CONFLICT (newsletter, status)
                    DO UPDATE SET subscriptions = subscription_counts.subscriptions + excluded.subscriptions;
            ELSIF TG_OP = 'DELETE' THEN
                UPDATE subscription_counts c SET subscriptions = c.subscriptions - d.removed
                    FROM (SELECT newsletter, status, count(*) AS removed FROM old_rows GROUP BY newsletter, status) d
                    WHERE c.newsletter = d.newsletter AND c.status = d.status;
            ELSE
                INSERT INTO subscription_counts (newsletter, status, subscriptions)
                    SELECT newsletter, status, sum(change) FROM (
                        SELECT newsletter, status, -1 AS change FROM old_rows
                        UNION ALL SELECT newsletter, status, 1 FROM new_rows) d
                    GROUP BY newsletter, status HAVING sum(change) <> 0 ORDER BY 1, 2
                    ON CONFLICT (newsletter, status)
                    DO UPDATE SET subscriptions = subscription_counts.subscriptions + excluded.subscriptions;
            END IF;
            RETURN NULL;
        END $$
        """

    /// Consent events per newsletter, day and action (events without a newsletter are not
    /// counted): the statement's net change per triple.
    private static let consentDailyFunction = """
        CREATE FUNCTION consent_daily_track() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO consent_daily (newsletter, day, action, events)
                    SELECT newsletter, occurred_at / 86400000, action, count(*) FROM new_rows
                    WHERE newsletter IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                    ON CONFLICT (newsletter, day, action) DO UPDATE SET events = consent_daily.events + excluded.events;
            ELSIF TG_OP = 'DELETE' THEN
                UPDATE consent_daily c SET events = c.events - d.removed
                    FROM (SELECT newsletter, occurred_at / 86400000 AS day, action, count(*) AS removed FROM old_rows
                        WHERE newsletter IS NOT NULL GROUP BY 1, 2, 3) d
                    WHERE c.newsletter = d.newsletter AND c.day = d.day AND c.action = d.action;
            ELSE
                INSERT INTO consent_daily (newsletter, day, action, events)
                    SELECT newsletter, day, action, sum(change) FROM (
                        SELECT newsletter, occurred_at / 86400000 AS day, action, -1 AS change FROM old_rows
                        UNION ALL SELECT newsletter, occurred_at / 86400000, action, 1 FROM new_rows) d
                    WHERE newsletter IS NOT NULL
                    GROUP BY 1, 2, 3 HAVING sum(change) <> 0 ORDER BY 1, 2, 3
                    ON CONFLICT (newsletter, day, action) DO UPDATE SET events = consent_daily.events + excluded.events;
            END IF;
            RETURN NULL;
        END $$
        """
}
