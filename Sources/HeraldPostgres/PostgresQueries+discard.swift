/// SQL for undoing a stretch of work inside a transaction on PostgreSQL (`discardingWrites`).
extension PostgresQueries {
    static let beginDiscardedWrites = "SAVEPOINT herald_discarded"
    static let undoDiscardedWrites = "ROLLBACK TO SAVEPOINT herald_discarded"
    static let endDiscardedWrites = "RELEASE SAVEPOINT herald_discarded"
}
