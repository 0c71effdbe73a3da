import Foundation

extension OpenCount {
    /// Reads issue_id, hour, opens, filtered.
    package init(stored row: some StoredRow) {
        self.init(
            issueID: row.int(0) ?? 0, hour: row.date(1) ?? .distantPast, opens: Int(row.int(2) ?? 0),
            filtered: Int(row.int(3) ?? 0))
    }
}
