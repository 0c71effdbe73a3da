/// SQL for the suppression list and erasure on PostgreSQL.
extension PostgresQueries {
    // MARK: Suppressions
    static let upsertSuppression = """
        INSERT INTO suppressions (address_hash, reason, detail, created_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (address_hash) DO UPDATE SET reason = excluded.reason, detail = excluded.detail,
            created_at = excluded.created_at
        """
    static let suppressionByHash =
        "SELECT address_hash, reason, detail, created_at FROM suppressions WHERE address_hash = $1"
    static let suppressionsAmong = """
        SELECT address_hash, reason, detail, created_at FROM suppressions WHERE address_hash = ANY($1::text[])
        """
    static let deleteSuppression = "DELETE FROM suppressions WHERE address_hash = $1 RETURNING address_hash"
    static let countSuppressions = "SELECT count(*) FROM suppressions"

    // MARK: Erasure (one subscriber's personal data, in every table that holds it)
    static let lockSubscriberForErasure = "SELECT canonical_key FROM subscribers WHERE id = $1 FOR UPDATE"
    static let eraseOutboxMail = "DELETE FROM outbox WHERE subscriber_id = $1 OR throttle_key = $2"
    /// Not indexed by subscriber (erasure is rare; the digest send path stays lean): a scan.
    static let eraseDigestDeliveries = "DELETE FROM digest_deliveries WHERE subscriber_id = $1"
    static let eraseSubscriberClicks = "DELETE FROM subscriber_clicks WHERE subscriber_id = $1"
    static let eraseTokens = "DELETE FROM tokens WHERE subscriber_id = $1"
    static let eraseConsent = "DELETE FROM consent_events WHERE subscriber_id = $1"
    static let eraseSubscriptions = "DELETE FROM subscriptions WHERE subscriber_id = $1"
    static let eraseSubscriberRow = "DELETE FROM subscribers WHERE id = $1"
}
