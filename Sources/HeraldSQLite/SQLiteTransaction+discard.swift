import HeraldCore

/// Discarded writes on SQLite: a savepoint rolled back, then released (the outer transaction
/// stays open with its earlier writes). Prepared once and reused, like every other statement.
extension SQLiteTransaction {
    func discardingWrites(_ body: () async throws -> Void) async throws {
        try connection.query(Q.beginDiscardedWrites)
        do {
            try await body()
        } catch {
            try? undoDiscardedWrites()
            throw error
        }
        try undoDiscardedWrites()
    }

    private func undoDiscardedWrites() throws {
        try connection.query(Q.undoDiscardedWrites)
        try connection.query(Q.endDiscardedWrites)
    }
}
