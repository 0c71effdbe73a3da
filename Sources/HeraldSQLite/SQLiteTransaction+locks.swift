import HeraldCore

/// SQLite transactions run one at a time (`BEGIN IMMEDIATE`), so holding a subscriber needs no lock.
extension SQLiteTransaction {
    func lockSubscriber(id: Int64) async throws {
        guard try await subscriber(id: id) != nil else { throw StoreError.notFound("subscriber \(id)") }
    }
}
