import Foundation

extension ClickCount {
    /// Reads issue_id, link_index, hour, clicks, filtered.
    package init(stored row: some StoredRow) {
        self.init(
            issueID: row.int(0) ?? 0, linkIndex: Int(row.int(1) ?? 0), hour: row.date(2) ?? .distantPast,
            clicks: Int(row.int(3) ?? 0), filtered: Int(row.int(4) ?? 0))
    }
}
