import Foundation

extension ConsoleSession {
    /// Reads id_hash, operator, created_at, last_seen_at.
    package init(stored row: some StoredRow) {
        self.init(
            idHash: row.string(0) ?? "", operatorName: row.string(1) ?? "", createdAt: row.date(2) ?? .distantPast,
            lastSeenAt: row.date(3) ?? .distantPast)
    }
}
