extension PostgresQueries {
    // MARK: Operator console sessions
    /// Returns no row when a session with this id digest exists.
    static let createConsoleSession = """
        INSERT INTO console_sessions (id_hash, operator, created_at, last_seen_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (id_hash) DO NOTHING
        RETURNING id_hash
        """
    /// Deletes sessions signed in before the first cut-off or idle since before the second.
    static let deleteExpiredConsoleSessions =
        "DELETE FROM console_sessions WHERE created_at <= $1 OR last_seen_at <= $2"
    static let touchConsoleSession = """
        UPDATE console_sessions SET last_seen_at = GREATEST(last_seen_at, $1) WHERE id_hash = $2
        RETURNING id_hash, operator, created_at, last_seen_at
        """
    static let deleteConsoleSession = "DELETE FROM console_sessions WHERE id_hash = $1 RETURNING id_hash"
    static let deleteConsoleSessionsExcept = """
        DELETE FROM console_sessions WHERE NOT (operator = ANY($1::text[])) RETURNING id_hash
        """
}
