import Foundation

/// Bounces in memory.
extension InMemoryTransaction {
    func insertBounce(_ bounce: BounceRecord) async throws -> Int64 {
        write { state in
            var stored = bounce
            stored.id = Int64(state.bounces.count + 1)
            state.bounces.append(stored)
            return stored.id
        }
    }

    func bounceCount(addressHash: String, kind: BounceKind, since: Date) async throws -> Int {
        read { state in
            state.bounces.filter { $0.addressHash == addressHash && $0.kind == kind && $0.occurredAt >= since }.count
        }
    }

    func bounces(addressHash: String, limit: Int) async throws -> [BounceRecord] {
        read { state in
            Array(
                state.bounces.filter { $0.addressHash == addressHash }
                    .sorted { ($0.occurredAt, $0.id) > ($1.occurredAt, $1.id) }
                    .prefix(max(0, limit)))
        }
    }
}
