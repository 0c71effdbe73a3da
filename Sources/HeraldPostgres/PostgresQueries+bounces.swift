/// SQL for bounces and the webhook outbox on PostgreSQL.
extension PostgresQueries {
    // MARK: Bounces
    static let bounceColumns =
        "id, address_hash, subscriber_id, kind, source, diagnostic, occurred_at, recorded_at"
    static let insertBounce = """
        INSERT INTO bounces (address_hash, subscriber_id, kind, source, diagnostic, occurred_at, recorded_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        RETURNING id
        """
    static let countBounces =
        "SELECT count(*) FROM bounces WHERE address_hash = $1 AND kind = $2 AND occurred_at >= $3"
    static let bouncesOfAddress = """
        SELECT \(bounceColumns) FROM bounces WHERE address_hash = $1 ORDER BY occurred_at DESC, id DESC LIMIT $2
        """

    // MARK: Webhook outbox
    static let webhookColumns = """
        w.id, w.event_id, w.event_type, w.endpoint_url, w.subscriber_id, w.body, w.state, w.attempts, w.created_at,
        w.next_attempt_at, w.claimed_by, w.last_result, w.delivered_at
        """
    static let enqueueWebhook = """
        INSERT INTO webhook_deliveries (event_id, event_type, endpoint_url, subscriber_id, body, state, attempts,
            created_at, next_attempt_at)
        VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6)
        ON CONFLICT (event_id, endpoint_url) DO NOTHING
        RETURNING id
        """
    /// Locks due rows (skipping rows another process is claiming right now) and leases them to `$2`
    /// until `$1`. Two workers never get the same row.
    static let claimDueWebhooks = """
        WITH due AS (
            SELECT id FROM webhook_deliveries
            WHERE state IN ('pending', 'sending') AND next_attempt_at <= $3
            ORDER BY next_attempt_at, id LIMIT $4
            FOR UPDATE SKIP LOCKED)
        UPDATE webhook_deliveries w SET state = 'sending', next_attempt_at = $1, claimed_by = $2
        FROM due WHERE w.id = due.id
        RETURNING \(webhookColumns)
        """
    static let renewWebhookLease = """
        UPDATE webhook_deliveries SET next_attempt_at = $1 WHERE id = $2 AND state = 'sending' AND claimed_by = $3
        RETURNING id
        """
    static let markWebhookDelivered = """
        UPDATE webhook_deliveries SET state = 'delivered', attempts = $1, delivered_at = $2, last_result = $3
        WHERE id = $4 AND state = 'sending' AND claimed_by = $5
        RETURNING id
        """
    static let markWebhookRetry = """
        UPDATE webhook_deliveries SET state = 'pending', attempts = $1, next_attempt_at = $2, last_result = $3,
            claimed_by = NULL
        WHERE id = $4 AND state = 'sending' AND claimed_by = $5
        RETURNING id
        """
    static let markWebhookFailed = """
        UPDATE webhook_deliveries SET state = 'failed', attempts = $1, last_result = $2
        WHERE id = $3 AND state = 'sending' AND claimed_by = $4
        RETURNING id
        """
    static let webhookByID = "SELECT \(webhookColumns) FROM webhook_deliveries w WHERE w.id = $1"
    static let webhooksOfEvent =
        "SELECT \(webhookColumns) FROM webhook_deliveries w WHERE w.event_id = $1 ORDER BY w.id"
    static let deleteWebhooksOfSubscriber = "DELETE FROM webhook_deliveries WHERE subscriber_id = $1 RETURNING id"
    static let webhookCounts = "SELECT state, count(*) FROM webhook_deliveries GROUP BY state"
}
