import Foundation
import HeraldCore

/// The suppression list and erasure on SQLite.
extension SQLiteTransaction {
    func suppress(_ e: SuppressionEntry) async throws {
        try connection.query(
            Q.upsertSuppression,
            [
                .text(e.addressHash), .text(e.reason.rawValue), .optionalText(e.detail), .date(e.createdAt),
            ])
    }

    func suppression(addressHash: String) async throws -> SuppressionEntry? {
        try connection.query(Q.suppressionByHash, [.text(addressHash)]).first.map(SuppressionEntry.init(stored:))
    }

    func suppressions(addressHashes: [String]) async throws -> [String: SuppressionEntry] {
        guard !addressHashes.isEmpty else { return [:] }
        let list = Self.jsonStringArray(addressHashes)
        var found: [String: SuppressionEntry] = [:]
        for row in try connection.query(Q.suppressionsAmong, [.text(list)]) {
            let entry = SuppressionEntry(stored: row)
            found[entry.addressHash] = entry
        }
        return found
    }

    /// A JSON array of `texts` (hashes are hex; any other text is escaped fully by JSONEncoder).
    static func jsonStringArray(_ texts: [String]) -> String {
        guard texts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 < 0x80 } }) else {
            return (try? String(decoding: JSONEncoder().encode(texts), as: UTF8.self)) ?? "[]"
        }
        return "[\"" + texts.joined(separator: "\",\"") + "\"]"
    }

    func removeSuppression(addressHash: String) async throws -> Bool {
        try connection.query(Q.deleteSuppression, [.text(addressHash)])
        return connection.changes == 1
    }

    func suppressionCount() async throws -> Int {
        Int(try connection.query(Q.countSuppressions).first?.int(0) ?? 0)
    }

    func eraseSubscriber(id: Int64) async throws -> Bool {
        guard let subscriber = try await subscriber(id: id) else { return false }
        try connection.query(Q.eraseOutboxMail, [.integer(id), .text(subscriber.canonicalKey)])
        for statement in [
            Q.eraseDigestDeliveries, Q.eraseSubscriberClicks, Q.eraseTokens, Q.eraseConsent, Q.eraseSubscriptions,
            Q.eraseSubscriberRow,
        ] {
            try connection.query(statement, [.integer(id)])
        }
        return true
    }
}
