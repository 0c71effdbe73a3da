import Foundation
import HeraldCore

/// Bounces on PostgreSQL.
extension PostgresTransaction {
    func insertBounce(_ b: BounceRecord) async throws -> Int64 {
        let rows = try await run(
            Q.insertBounce,
            [
                .text(b.addressHash), .optionalInteger(b.subscriberID), .text(b.kind.rawValue),
                .text(b.source.rawValue), .text(b.diagnostic), .date(b.occurredAt), .date(b.recordedAt),
            ])
        guard let id = rows.first?.int(0) else { throw StoreError.corrupt("bounce insert returned no id") }
        return id
    }

    func bounceCount(addressHash: String, kind: BounceKind, since: Date) async throws -> Int {
        Int(
            try await run(Q.countBounces, [.text(addressHash), .text(kind.rawValue), .date(since)]).first?.int(0)
                ?? 0)
    }

    func bounces(addressHash: String, limit: Int) async throws -> [BounceRecord] {
        try await run(Q.bouncesOfAddress, [.text(addressHash), .integer(Int64(max(0, limit)))])
            .map(BounceRecord.init(stored:))
    }
}
