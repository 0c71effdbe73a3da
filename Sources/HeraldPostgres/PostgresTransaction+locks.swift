import HeraldCore

/// Row locks that serialise concurrent transactions about one person.
extension PostgresTransaction {
    func lockSubscriber(id: Int64) async throws {
        guard try await run(Q.lockSubscriber, [.integer(id)]).count == 1 else {
            throw StoreError.notFound("subscriber \(id)")
        }
    }
}
