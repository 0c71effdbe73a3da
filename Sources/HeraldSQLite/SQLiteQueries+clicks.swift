/// The SQL of click counting and issue reports.
extension SQLiteQueries {
    /// Adds to one (issue, link, hour) counter; nothing when the issue does not exist.
    static let addClickCount = """
        INSERT INTO link_clicks (issue_id, link_index, hour, clicks, filtered)
        SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM digest_issues WHERE id = ?1)
        ON CONFLICT (issue_id, link_index, hour)
        DO UPDATE SET clicks = clicks + excluded.clicks, filtered = filtered + excluded.filtered
        """
    /// Keeps a subscriber's first click on a link; nothing when the issue or subscriber does not exist.
    static let recordSubscriberClick = """
        INSERT INTO subscriber_clicks (issue_id, subscriber_id, link_index, first_at)
        SELECT ?1, ?2, ?3, ?4
        WHERE EXISTS (SELECT 1 FROM digest_issues WHERE id = ?1) AND EXISTS (SELECT 1 FROM subscribers WHERE id = ?2)
        ON CONFLICT (issue_id, subscriber_id, link_index) DO NOTHING
        """
    static let clickCountsOfIssue = """
        SELECT issue_id, link_index, hour, clicks, filtered FROM link_clicks WHERE issue_id = ?
        ORDER BY hour, link_index
        """
    static let clickingSubscriberCount =
        "SELECT count(DISTINCT subscriber_id) FROM subscriber_clicks WHERE issue_id = ?"
    static let digestIssueByID = "SELECT \(digestIssueColumns) FROM digest_issues WHERE id = ?"
    static let deliveryStatesOfIssue = "SELECT state, count(*) FROM digest_deliveries WHERE issue_id = ? GROUP BY state"
    /// Bounces of the issue's recipients in `[?2, ?3)`.
    static let bouncesOfIssueRecipients = """
        SELECT count(*) FROM bounces
        WHERE occurred_at >= ?2 AND occurred_at < ?3
          AND subscriber_id IN (SELECT subscriber_id FROM digest_deliveries WHERE issue_id = ?1)
        """
    /// Unsubscribes from `?1` in `[?2, ?3)`: whole days from the daily counters, the partial days
    /// at either end from the events (as `consentActivity`).
    static let unsubscribesBetween = """
        WITH b (from_at, to_at, first_day, end_day) AS (SELECT ?2, ?3, (?2 + 86399999) / 86400000, ?3 / 86400000)
        SELECT (SELECT coalesce(sum(c.events), 0) FROM consent_daily c WHERE c.newsletter = ?1
                AND c.action = 'unsubscribe' AND c.day >= b.first_day AND c.day < b.end_day)
            + (SELECT count(*) FROM consent_events e WHERE e.newsletter = ?1 AND e.action = 'unsubscribe'
                AND e.occurred_at >= b.from_at AND e.occurred_at < min(b.to_at, b.first_day * 86400000))
            + (SELECT count(*) FROM consent_events e WHERE e.newsletter = ?1 AND e.action = 'unsubscribe'
                AND e.occurred_at >= max(b.from_at, b.end_day * 86400000, b.first_day * 86400000)
                AND e.occurred_at < b.to_at)
        FROM b
        """
}
