import Foundation
import HeraldCore

/// The public archive's queries on SQLite.
extension SQLiteTransaction {
    func archivedIssues(newsletter: String, language: String, offset: Int, limit: Int) async throws -> [DigestIssue] {
        try connection.query(
            Q.archivedIssues,
            [.text(newsletter), .text(language), .integer(Int64(max(limit, 0))), .integer(Int64(max(offset, 0)))]
        ).map(DigestIssue.init(stored:))
    }

    func archivedIssueCount(newsletter: String, language: String) async throws -> Int {
        Int(try connection.query(Q.archivedIssueCount, [.text(newsletter), .text(language)]).first?.int(0) ?? 0)
    }

    func archivedIssue(newsletter: String, language: String, period: String) async throws -> DigestIssue? {
        try connection.query(Q.archivedIssueByPeriod, [.text(newsletter), .text(language), .text(period)])
            .first.map(DigestIssue.init(stored:))
    }
}
