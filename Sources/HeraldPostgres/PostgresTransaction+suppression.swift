import Foundation
import HeraldCore

/// The suppression list and erasure on PostgreSQL.
extension PostgresTransaction {
    func suppress(_ e: SuppressionEntry) async throws {
        try await run(
            Q.upsertSuppression,
            [.text(e.addressHash), .text(e.reason.rawValue), .optionalText(e.detail), .date(e.createdAt)])
    }

    func suppression(addressHash: String) async throws -> SuppressionEntry? {
        try await run(Q.suppressionByHash, [.text(addressHash)]).first.map(SuppressionEntry.init(stored:))
    }

    func suppressions(addressHashes: [String]) async throws -> [String: SuppressionEntry] {
        guard !addressHashes.isEmpty else { return [:] }
        var found: [String: SuppressionEntry] = [:]
        for row in try await run(Q.suppressionsAmong, [.texts(addressHashes)]) {
            let entry = SuppressionEntry(stored: row)
            found[entry.addressHash] = entry
        }
        return found
    }

    func removeSuppression(addressHash: String) async throws -> Bool {
        try await run(Q.deleteSuppression, [.text(addressHash)]).count == 1
    }

    func suppressionCount() async throws -> Int {
        Int(try await run(Q.countSuppressions).first?.int(0) ?? 0)
    }

    func eraseSubscriber(id: Int64) async throws -> Bool {
        guard let key = try await run(Q.lockSubscriberForErasure, [.integer(id)]).first?.string(0) else { return false }
        try await run(Q.eraseOutboxMail, [.integer(id), .text(key)])
        for statement in [
            Q.eraseDigestDeliveries, Q.eraseSubscriberClicks, Q.eraseTokens, Q.eraseConsent, Q.eraseSubscriptions,
            Q.eraseSubscriberRow,
        ] {
            try await run(statement, [.integer(id)])
        }
        return true
    }
}
