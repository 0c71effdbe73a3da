/// The SQL of the admin API: audit log, subscriber search, counts, digest listings and queue.
///
/// Parameters that may be NULL carry an explicit cast, so PostgreSQL knows their type.
extension PostgresQueries {
    // MARK: Audit
    static let appendAudit = """
        INSERT INTO audit_log (actor, action, target, detail, occurred_at) VALUES ($1, $2, $3, $4, $5) RETURNING id
        """
    /// `$1` the id to stay below (NULL for the newest), `$2` the page size, `$3` actor, `$4`
    /// action, `$5`/`$6` the occurred-at range (each NULL when not filtered).
    static let auditEntries = """
        SELECT id, actor, action, target, detail, occurred_at FROM audit_log
        WHERE ($1::bigint IS NULL OR id < $1::bigint) AND ($3::text IS NULL OR actor = $3::text)
            AND ($4::text IS NULL OR action = $4::text) AND ($5::bigint IS NULL OR occurred_at >= $5::bigint)
            AND ($6::bigint IS NULL OR occurred_at < $6::bigint)
        ORDER BY id DESC LIMIT $2
        """

    // MARK: Subscriber search
    /// The criteria both searches share: `$1` id to start after, `$2` lower-case address fragment,
    /// `$3`/`$4` created range, `$5` newsletter, `$6` status. NULL leaves a criterion out.
    private static let subscriberSearchCriteria = """
        s.id > $1
            AND ($2::text IS NULL OR strpos(s.canonical_key, $2::text) > 0)
            AND ($3::bigint IS NULL OR s.created_at >= $3::bigint)
            AND ($4::bigint IS NULL OR s.created_at < $4::bigint)
            AND (($5::text IS NULL AND $6::text IS NULL) OR EXISTS (
                SELECT 1 FROM subscriptions x WHERE x.subscriber_id = s.id
                    AND ($5::text IS NULL OR x.newsletter = $5::text) AND ($6::text IS NULL OR x.status = $6::text)))
        """
    /// Walks the subscribers in id order (`$7` page size): quick when matches are common.
    static let searchSubscribers = """
        SELECT \(subscriberColumns) FROM subscribers s
        WHERE \(subscriberSearchCriteria)
        ORDER BY s.id LIMIT $7
        """
    /// Walks only the subscribers whose address contains the trigram `$8` (migration 17's index), in
    /// id order, checking each against every criterion: quick when the trigram is rare.
    static let searchSubscribersByTrigram = """
        SELECT \(qualifiedSubscriberColumns) FROM subscriber_trigrams g JOIN subscribers s ON s.id = g.subscriber_id
        WHERE g.trigram = $8::text AND g.subscriber_id > $1 AND \(subscriberSearchCriteria)
        ORDER BY g.subscriber_id LIMIT $7
        """
    /// Walks the subscriptions to newsletter `$5` in state `$6` in subscriber order (their index), when
    /// both are given: quick whether that state is common or rare. (Left to itself, the planner
    /// hashes every such subscription per page: 46 ms at 65,000 of them.)
    static let searchSubscribersBySubscription = """
        SELECT \(qualifiedSubscriberColumns) FROM subscriptions y JOIN subscribers s ON s.id = y.subscriber_id
        WHERE y.newsletter = $5::text AND y.status = $6::text AND y.subscriber_id > $1
            AND \(subscriberSearchCriteria)
        ORDER BY y.subscriber_id LIMIT $7
        """
    /// The subscriber columns named through the alias `s`, for joins with tables that share names.
    private static let qualifiedSubscriberColumns = subscriberColumns.split(separator: ",")
        .map { "s." + $0.trimmingPrefix(" ") }.joined(separator: ", ")
    /// How many subscribers above id `$2` contain the trigram `$1`, counted up to `$3`.
    static let countTrigramEntries = """
        SELECT count(*) FROM (
            SELECT 1 FROM subscriber_trigrams WHERE trigram = $1::text AND subscriber_id > $2 LIMIT $3) t
        """

    // MARK: Counts and activity
    /// Read from the counters the triggers keep (migrations 15 and 22: the sum of a counter's
    /// shards), not counted over `subscriptions`.
    static let subscriptionCounts = """
        SELECT newsletter, status, sum(subscriptions)::bigint FROM subscription_counts
        GROUP BY newsletter, status HAVING sum(subscriptions) > 0
        """
    /// `$1`/`$2` time range, `$3` newsletter or NULL for all. Whole days inside the range come from
    /// the daily counters (`consent_daily`); the part of a day at either end from the events.
    /// (Bounds are written out from the parameters, not taken from a CTE, so that the planner
    /// uses `consent_by_time` for the two partial days.)
    static let consentActivity = """
        SELECT newsletter, day, action, sum(events)::bigint FROM (
            SELECT c.newsletter, c.day, c.action, c.events FROM consent_daily c
            WHERE c.day >= ($1::bigint + 86399999) / 86400000 AND c.day < $2::bigint / 86400000
                AND ($3::text IS NULL OR c.newsletter = $3::text)
            UNION ALL
            SELECT e.newsletter, e.occurred_at / 86400000, e.action, 1 FROM consent_events e
            WHERE e.occurred_at >= $1::bigint
                AND e.occurred_at < least($2::bigint, ($1::bigint + 86399999) / 86400000 * 86400000)
                AND e.newsletter IS NOT NULL AND ($3::text IS NULL OR e.newsletter = $3::text)
            UNION ALL
            SELECT e.newsletter, e.occurred_at / 86400000, e.action, 1 FROM consent_events e
            WHERE e.occurred_at >= greatest($1::bigint, $2::bigint / 86400000 * 86400000,
                    ($1::bigint + 86399999) / 86400000 * 86400000)
                AND e.occurred_at < $2::bigint AND e.newsletter IS NOT NULL
                AND ($3::text IS NULL OR e.newsletter = $3::text)) AS activity
        GROUP BY newsletter, day, action HAVING sum(events) > 0
        """

    // MARK: Digest listings and queue
    /// `$1` newsletter, `$2` id to stay below (NULL for the newest), `$3` page size.
    static let digestIssueSummaries = """
        SELECT id, newsletter, period, jsonb_array_length(articles::jsonb)::bigint, created_at, completed_at,
            language
        FROM digest_issues
        WHERE newsletter = $1 AND ($2::bigint IS NULL OR id < $2::bigint) ORDER BY id DESC LIMIT $3
        """
    static let queueDigestItem = """
        INSERT INTO digest_queue (newsletter, identity, article, queued_by, queued_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (newsletter, identity) DO NOTHING
        RETURNING id
        """
    /// Queued items of `$1` whose identity no issue of that newsletter has sent, newest first.
    static let unqueueDigestItem = "DELETE FROM digest_queue WHERE id = $1 AND newsletter = $2 RETURNING id"
    static let pendingDigestItems = """
        SELECT q.id, q.newsletter, q.article, q.queued_by, q.queued_at FROM digest_queue q
        WHERE q.newsletter = $1 AND NOT EXISTS (
            SELECT 1 FROM digest_articles_sent a WHERE a.newsletter = q.newsletter AND a.identity = q.identity)
        ORDER BY q.id DESC LIMIT $2
        """
    static let newsletterExists = "SELECT 1 FROM newsletters WHERE slug = $1"
}
