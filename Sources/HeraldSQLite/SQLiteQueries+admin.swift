/// The SQL of the admin API: audit log, subscriber search, counts, digest listings and queue.
extension SQLiteQueries {
    // MARK: Audit
    static let appendAudit = """
        INSERT INTO audit_log (actor, action, target, detail, occurred_at) VALUES (?, ?, ?, ?, ?)
        """
    /// `?1` the id to stay below (NULL for the newest), `?2` the page size, `?3` actor, `?4`
    /// action, `?5`/`?6` the occurred-at range (each NULL when not filtered).
    static let auditEntries = """
        SELECT id, actor, action, target, detail, occurred_at FROM audit_log
        WHERE (?1 IS NULL OR id < ?1) AND (?3 IS NULL OR actor = ?3) AND (?4 IS NULL OR action = ?4)
            AND (?5 IS NULL OR occurred_at >= ?5) AND (?6 IS NULL OR occurred_at < ?6)
        ORDER BY id DESC LIMIT ?2
        """

    // MARK: Subscriber search
    /// The criteria both searches share: `?1` id to start after, `?2` lower-case address fragment,
    /// `?3`/`?4` created range, `?5` newsletter, `?6` status. NULL leaves a criterion out.
    private static let subscriberSearchCriteria = """
        s.id > ?1
            AND (?2 IS NULL OR instr(s.canonical_key, ?2) > 0)
            AND (?3 IS NULL OR s.created_at >= ?3)
            AND (?4 IS NULL OR s.created_at < ?4)
            AND ((?5 IS NULL AND ?6 IS NULL) OR EXISTS (
                SELECT 1 FROM subscriptions x WHERE x.subscriber_id = s.id
                    AND (?5 IS NULL OR x.newsletter = ?5) AND (?6 IS NULL OR x.status = ?6)))
        """
    /// Walks the subscribers in id order (`?7` page size): quick when matches are common.
    static let searchSubscribers = """
        SELECT \(subscriberColumns) FROM subscribers s
        WHERE \(subscriberSearchCriteria)
        ORDER BY s.id LIMIT ?7
        """
    /// Walks only the subscribers whose address contains the trigram `?8` (migration 17's index), in
    /// id order, checking each against every criterion: quick when the trigram is rare. Merged in id
    /// order with the subscribers whose entries are still queued (migration 23; a few seconds of
    /// signups), so a search finds a subscriber before its entries are written as well as after.
    /// Each side names its walked id first, so SQLite merges the two sorted walks without sorting;
    /// `UNION` drops a subscriber both sides hold (one whose address changed while queued).
    static let searchSubscribersByTrigram = """
        SELECT g.subscriber_id AS id, \(subscriberColumnsAfterSID)
        FROM subscriber_trigrams g CROSS JOIN subscribers s
        WHERE g.trigram = ?8 AND g.subscriber_id > ?1 AND s.id = g.subscriber_id AND \(subscriberSearchCriteria)
        UNION
        SELECT p.subscriber_id AS id, \(subscriberColumnsAfterSID)
        FROM subscriber_trigrams_pending p CROSS JOIN subscribers s
        WHERE p.subscriber_id > ?1 AND s.id = p.subscriber_id AND \(subscriberSearchCriteria)
        ORDER BY 1 LIMIT ?7
        """
    /// Walks the subscriptions to newsletter `?5` in state `?6` in subscriber order (their index), when
    /// both are given: quick whether that state is common or rare.
    static let searchSubscribersBySubscription = """
        SELECT \(qualifiedSubscriberColumns) FROM subscriptions y CROSS JOIN subscribers s
        WHERE y.newsletter = ?5 AND y.status = ?6 AND y.subscriber_id > ?1 AND s.id = y.subscriber_id
            AND \(subscriberSearchCriteria)
        ORDER BY y.subscriber_id LIMIT ?7
        """
    /// The subscriber columns named through the alias `s`, for joins with tables that share names.
    private static let qualifiedSubscriberColumns = "s.id, " + subscriberColumnsAfterSID
    /// The subscriber columns after `id` (which `subscriberColumns` starts with), named through the
    /// alias `s`: for a query that selects the id from the table it walks.
    private static let subscriberColumnsAfterSID = subscriberColumns.split(separator: ",").dropFirst()
        .map { "s." + $0.trimmingPrefix(" ") }.joined(separator: ", ")
    /// How many subscribers above id `?2` contain the trigram `?1`, counted up to `?3`.
    static let countTrigramEntries = """
        SELECT count(*) FROM (SELECT 1 FROM subscriber_trigrams WHERE trigram = ?1 AND subscriber_id > ?2 LIMIT ?3)
        """

    // MARK: Counts and activity
    /// Read from the counters the triggers of migration 15 keep, not counted over `subscriptions`.
    static let subscriptionCounts = """
        SELECT newsletter, status, subscriptions FROM subscription_counts WHERE subscriptions > 0
        ORDER BY newsletter, status
        """
    /// `?1`/`?2` time range, `?3` newsletter or NULL for all. Whole days inside the range come from
    /// the daily counters (`consent_daily`); the part of a day at either end from the events.
    static let consentActivity = """
        WITH bounds (from_at, to_at, first_day, end_day) AS (
            SELECT ?1, ?2, (?1 + 86399999) / 86400000, ?2 / 86400000)
        SELECT newsletter, day, action, sum(events) FROM (
            SELECT c.newsletter, c.day, c.action, c.events FROM consent_daily c, bounds b
            WHERE c.day >= b.first_day AND c.day < b.end_day AND c.events > 0 AND (?3 IS NULL OR c.newsletter = ?3)
            UNION ALL
            SELECT e.newsletter, e.occurred_at / 86400000, e.action, 1 FROM consent_events e, bounds b
            WHERE e.occurred_at >= b.from_at AND e.occurred_at < min(b.to_at, b.first_day * 86400000)
                AND e.newsletter IS NOT NULL AND (?3 IS NULL OR e.newsletter = ?3)
            UNION ALL
            SELECT e.newsletter, e.occurred_at / 86400000, e.action, 1 FROM consent_events e, bounds b
            WHERE e.occurred_at >= max(b.from_at, b.end_day * 86400000, b.first_day * 86400000)
                AND e.occurred_at < b.to_at AND e.newsletter IS NOT NULL AND (?3 IS NULL OR e.newsletter = ?3))
        GROUP BY newsletter, day, action ORDER BY newsletter, day, action
        """

    // MARK: Digest listings and queue
    /// `?1` newsletter, `?2` id to stay below (NULL for the newest), `?3` page size.
    static let digestIssueSummaries = """
        SELECT id, newsletter, period, json_array_length(articles), created_at, completed_at, language
        FROM digest_issues
        WHERE newsletter = ?1 AND (?2 IS NULL OR id < ?2) ORDER BY id DESC LIMIT ?3
        """
    static let queueDigestItem = """
        INSERT INTO digest_queue (newsletter, identity, article, queued_by, queued_at) VALUES (?, ?, ?, ?, ?)
        """
    /// Queued items of `?1` whose identity no issue of that newsletter has sent, newest first.
    static let pendingDigestItems = """
        SELECT q.id, q.newsletter, q.article, q.queued_by, q.queued_at FROM digest_queue q
        WHERE q.newsletter = ?1 AND NOT EXISTS (
            SELECT 1 FROM digest_articles_sent a WHERE a.newsletter = q.newsletter AND a.identity = q.identity)
        ORDER BY q.id DESC LIMIT ?2
        """
    static let unqueueDigestItem = "DELETE FROM digest_queue WHERE id = ? AND newsletter = ?"
}
