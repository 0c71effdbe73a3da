extension PostgresQueries {
    // MARK: Outbox review (the operator console's Mail page)
    /// Failed mail not discarded and deferred mail; the condition of the `outbox_attention` index.
    static let mailNeedingAttention = """
        SELECT \(outboxColumns) FROM outbox
        WHERE (state = 'failed' AND discarded_at IS NULL OR state = 'pending' AND attempts > 0) AND id < $1
        ORDER BY id DESC LIMIT $2
        """
    static let retryMail = """
        UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = $1
        WHERE id = $2 AND discarded_at IS NULL AND (state = 'pending' OR state = 'failed' AND length(data) > 0)
        RETURNING id
        """
    static let discardMail = """
        UPDATE outbox SET state = 'failed', data = ''::bytea, discarded_at = $1, next_attempt_at = $1
        WHERE id = $2 AND discarded_at IS NULL AND state IN ('pending', 'failed')
        RETURNING id
        """
    static let forgetFailedMail = """
        UPDATE outbox SET data = ''::bytea
        WHERE state = 'failed' AND discarded_at IS NULL AND length(data) > 0 AND next_attempt_at < $1
        RETURNING id
        """
}
