import Foundation
import HeraldCore

/// Bounces on SQLite.
extension SQLiteTransaction {
    func insertBounce(_ b: BounceRecord) async throws -> Int64 {
        try connection.query(
            Q.insertBounce,
            [
                .text(b.addressHash), .optionalInteger(b.subscriberID), .text(b.kind.rawValue),
                .text(b.source.rawValue),
                .text(b.diagnostic), .date(b.occurredAt), .date(b.recordedAt),
            ])
        return connection.lastInsertRowID
    }

    func bounceCount(addressHash: String, kind: BounceKind, since: Date) async throws -> Int {
        Int(
            try connection.query(Q.countBounces, [.text(addressHash), .text(kind.rawValue), .date(since)])
                .first?.int(0) ?? 0)
    }

    func bounces(addressHash: String, limit: Int) async throws -> [BounceRecord] {
        try connection.query(Q.bouncesOfAddress, [.text(addressHash), .integer(Int64(max(0, limit)))])
            .map(BounceRecord.init(stored:))
    }
}
