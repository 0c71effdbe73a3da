/// In-memory transactions run one at a time, so holding a subscriber needs no lock.
extension InMemoryTransaction {
    func lockSubscriber(id: Int64) async throws {
        guard try await subscriber(id: id) != nil else { throw StoreError.notFound("subscriber \(id)") }
    }
}
