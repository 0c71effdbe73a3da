extension SQLiteQueries {
    // MARK: Outbox review (the operator console's Mail page)
    /// Failed mail not discarded and deferred mail; the condition of the `outbox_attention` index.
    static let mailNeedingAttention = """
        SELECT \(outboxColumns) FROM outbox
        WHERE (state = 'failed' AND discarded_at IS NULL OR state = 'pending' AND attempts > 0) AND id < ?
        ORDER BY id DESC LIMIT ?
        """
    static let retryMail = """
        UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?
        WHERE id = ? AND discarded_at IS NULL AND (state = 'pending' OR state = 'failed' AND length(data) > 0)
        """
    static let discardMail = """
        UPDATE outbox SET state = 'failed', data = X'', discarded_at = ?, next_attempt_at = ?
        WHERE id = ? AND discarded_at IS NULL AND state IN ('pending', 'failed')
        """
    static let forgetFailedMail = """
        UPDATE outbox SET data = X''
        WHERE state = 'failed' AND discarded_at IS NULL AND length(data) > 0 AND next_attempt_at < ?
        """
}
