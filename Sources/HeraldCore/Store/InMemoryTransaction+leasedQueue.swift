import Foundation

/// Lease renewal for the leased queues in memory.
extension InMemoryTransaction {
    func renewLeases(_ kind: LeasedQueueKind, ids: [Int64], owner: String, until: Date) async throws -> Set<Int64> {
        if kind == .digest { return renewDigestLeases(ids: ids, owner: owner, until: until) }
        return Set(
            ids.filter { id in
                switch kind {
                case .outbox: updateOwned(id, owner: owner, releasing: false) { $0.nextAttemptAt = until }
                case .webhooks: updateClaimed(id, owner) { $0.nextAttemptAt = until }
                case .digest: false
                }
            })
    }
}
