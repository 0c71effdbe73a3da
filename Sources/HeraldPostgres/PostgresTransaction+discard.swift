import HeraldCore

/// Discarded writes on PostgreSQL: a savepoint rolled back, then released (the outer transaction
/// stays open with its earlier writes; a failed statement inside does not abort it).
extension PostgresTransaction {
    func discardingWrites(_ body: () async throws -> Void) async throws {
        try await run(Q.beginDiscardedWrites)
        do {
            try await body()
        } catch {
            try? await undoDiscardedWrites()
            throw error
        }
        try await undoDiscardedWrites()
    }

    private func undoDiscardedWrites() async throws {
        try await run(Q.undoDiscardedWrites)
        try await run(Q.endDiscardedWrites)
    }
}
