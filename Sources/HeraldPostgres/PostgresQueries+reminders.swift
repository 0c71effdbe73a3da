/// SQL for signup reminders on PostgreSQL.
extension PostgresQueries {
    /// Unused, unexpired, unreminded confirm tokens created by `$1` that are their subscriber's newest.
    static let dueReminders = """
        SELECT t.hash, t.purpose, t.subscriber_id, t.newsletter, t.created_at, t.expires_at, t.used_at, t.pending_name
        FROM tokens t
        WHERE t.purpose = 'confirm' AND t.used_at IS NULL AND t.reminded_at IS NULL
            AND t.created_at <= $1 AND t.expires_at > $2
            AND NOT EXISTS (
                SELECT 1 FROM tokens n
                WHERE n.subscriber_id = t.subscriber_id AND n.purpose = 'confirm' AND n.created_at > t.created_at)
        ORDER BY t.created_at, t.hash LIMIT $3
        """
    /// Marks a token reminded if it is still unused and unreminded; its link keeps working. A
    /// concurrent claim waits for the row lock, then finds `reminded_at` set and returns no row.
    static let claimReminderKeepingLink = """
        UPDATE tokens SET reminded_at = $1 WHERE hash = $2 AND used_at IS NULL AND reminded_at IS NULL
        RETURNING hash
        """
    /// Marks a token reminded if it is still unused and unreminded, and ends its link.
    static let claimReminderEndingLink = """
        UPDATE tokens SET reminded_at = $1, expires_at = $1
        WHERE hash = $2 AND used_at IS NULL AND reminded_at IS NULL
        RETURNING hash
        """
    /// Marks a (replacement) token reminded.
    static let markTokenReminded = "UPDATE tokens SET reminded_at = $1 WHERE hash = $2"
}
