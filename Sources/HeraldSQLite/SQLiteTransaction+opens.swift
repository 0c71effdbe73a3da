import Foundation
import HeraldCore

/// Open counters on SQLite.
extension SQLiteTransaction {
    func addOpenCounts(_ counts: [OpenCount]) async throws {
        for count in counts {
            try connection.query(
                Q.addOpenCount,
                [
                    .integer(count.issueID), .date(count.hour), .integer(Int64(count.opens)),
                    .integer(Int64(count.filtered)),
                ])
        }
    }

    func openCounts(issueID: Int64) async throws -> [OpenCount] {
        try connection.query(Q.openCountsOfIssue, [.integer(issueID)]).map(OpenCount.init(stored:))
    }
}

/// The SQL of open counting.
extension SQLiteQueries {
    /// Adds to one (issue, hour) counter; nothing when the issue does not exist.
    static let addOpenCount = """
        INSERT INTO issue_opens (issue_id, hour, opens, filtered)
        SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM digest_issues WHERE id = ?1)
        ON CONFLICT (issue_id, hour)
        DO UPDATE SET opens = opens + excluded.opens, filtered = filtered + excluded.filtered
        """
    static let openCountsOfIssue =
        "SELECT issue_id, hour, opens, filtered FROM issue_opens WHERE issue_id = ? ORDER BY hour"
}
