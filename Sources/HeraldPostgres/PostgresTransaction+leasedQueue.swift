import Foundation
import HeraldCore

/// Lease renewal for the leased queues on PostgreSQL.
extension PostgresTransaction {
    func renewLeases(_ kind: LeasedQueueKind, ids: [Int64], owner: String, until: Date) async throws -> Set<Int64> {
        let statement =
            switch kind {
            case .outbox: Q.renewMailLease
            case .webhooks: Q.renewWebhookLease
            case .digest: Q.renewDigestLease
            }
        var kept = Set<Int64>()
        for id in ids where try await !run(statement, [.date(until), .integer(id), .text(owner)]).isEmpty {
            kept.insert(id)
        }
        return kept
    }
}
