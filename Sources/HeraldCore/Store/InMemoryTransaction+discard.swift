/// Discarded writes on the in-memory store: the transaction's private copy is put back afterwards.
extension InMemoryTransaction {
    func discardingWrites(_ body: () async throws -> Void) async throws {
        let before = finished()
        defer { write { $0 = before } }
        try await body()
    }
}
