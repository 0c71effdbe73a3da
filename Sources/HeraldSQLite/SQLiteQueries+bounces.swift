/// SQL for bounces and the webhook outbox on SQLite.
extension SQLiteQueries {
    // MARK: Bounces
    static let bounceColumns =
        "id, address_hash, subscriber_id, kind, source, diagnostic, occurred_at, recorded_at"
    static let insertBounce = """
        INSERT INTO bounces (address_hash, subscriber_id, kind, source, diagnostic, occurred_at, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let countBounces =
        "SELECT count(*) FROM bounces WHERE address_hash = ? AND kind = ? AND occurred_at >= ?"
    static let bouncesOfAddress = """
        SELECT \(bounceColumns) FROM bounces WHERE address_hash = ? ORDER BY occurred_at DESC, id DESC LIMIT ?
        """

    // MARK: Webhook outbox
    static let webhookColumns = """
        id, event_id, event_type, endpoint_url, subscriber_id, body, state, attempts, created_at,
        next_attempt_at, claimed_by, last_result, delivered_at
        """
    static let enqueueWebhook = """
        INSERT INTO webhook_deliveries (event_id, event_type, endpoint_url, subscriber_id, body, state, attempts,
            created_at, next_attempt_at)
        VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)
        """
    /// Leases due rows (pending and due, or sending with an expired lease) to `?2` until `?1`.
    static let claimDueWebhooks = """
        UPDATE webhook_deliveries SET state = 'sending', next_attempt_at = ?1, claimed_by = ?2
        WHERE id IN (
            SELECT id FROM webhook_deliveries WHERE state IN ('pending', 'sending') AND next_attempt_at <= ?3
            ORDER BY next_attempt_at, id LIMIT ?4)
        RETURNING \(webhookColumns)
        """
    static let renewWebhookLease = """
        UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ? AND state = 'sending' AND claimed_by = ?
        """
    static let markWebhookDelivered = """
        UPDATE webhook_deliveries SET state = 'delivered', attempts = ?, delivered_at = ?, last_result = ?
        WHERE id = ? AND state = 'sending' AND claimed_by = ?
        """
    static let markWebhookRetry = """
        UPDATE webhook_deliveries SET state = 'pending', attempts = ?, next_attempt_at = ?, last_result = ?,
            claimed_by = NULL
        WHERE id = ? AND state = 'sending' AND claimed_by = ?
        """
    static let markWebhookFailed = """
        UPDATE webhook_deliveries SET state = 'failed', attempts = ?, last_result = ?
        WHERE id = ? AND state = 'sending' AND claimed_by = ?
        """
    static let webhookByID = "SELECT \(webhookColumns) FROM webhook_deliveries WHERE id = ?"
    static let webhooksOfEvent = "SELECT \(webhookColumns) FROM webhook_deliveries WHERE event_id = ? ORDER BY id"
    static let deleteWebhooksOfSubscriber = "DELETE FROM webhook_deliveries WHERE subscriber_id = ?"
    static let webhookCounts = "SELECT state, count(*) FROM webhook_deliveries GROUP BY state"
}
