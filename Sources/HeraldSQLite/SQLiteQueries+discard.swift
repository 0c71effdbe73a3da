/// SQL for undoing a stretch of work inside a transaction on SQLite (`discardingWrites`).
extension SQLiteQueries {
    /// A name of its own, so it never clashes with the group commit's `herald_job` savepoint.
    static let beginDiscardedWrites = "SAVEPOINT herald_discarded"
    static let undoDiscardedWrites = "ROLLBACK TO herald_discarded"
    static let endDiscardedWrites = "RELEASE herald_discarded"
}
