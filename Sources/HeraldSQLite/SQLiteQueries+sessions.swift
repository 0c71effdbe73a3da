extension SQLiteQueries {
    // MARK: Operator console sessions
    static let createConsoleSession = """
        INSERT INTO console_sessions (id_hash, operator, created_at, last_seen_at) VALUES (?, ?, ?, ?)
        """
    /// Deletes sessions signed in before the first cut-off or idle since before the second.
    static let deleteExpiredConsoleSessions = "DELETE FROM console_sessions WHERE created_at <= ? OR last_seen_at <= ?"
    static let touchConsoleSession = """
        UPDATE console_sessions SET last_seen_at = max(last_seen_at, ?) WHERE id_hash = ?
        RETURNING id_hash, operator, created_at, last_seen_at
        """
    static let deleteConsoleSession = "DELETE FROM console_sessions WHERE id_hash = ?"
    /// Deletes the sessions of operators outside a JSON array of names.
    static let deleteConsoleSessionsExcept = """
        DELETE FROM console_sessions WHERE operator NOT IN (SELECT value FROM json_each(?))
        """
}
