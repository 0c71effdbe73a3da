import Foundation
import HeraldCore

/// The public archive's queries on PostgreSQL.
extension PostgresTransaction {
    func archivedIssues(newsletter: String, offset: Int, limit: Int) async throws -> [DigestIssue] {
        try await run(
            Q.archivedIssues, [.text(newsletter), .integer(Int64(max(limit, 0))), .integer(Int64(max(offset, 0)))]
        ).map(DigestIssue.init(stored:))
    }

    func archivedIssueCount(newsletter: String) async throws -> Int {
        Int(try await run(Q.archivedIssueCount, [.text(newsletter)]).first?.int(0) ?? 0)
    }

    func archivedIssue(newsletter: String, period: String) async throws -> DigestIssue? {
        try await run(Q.archivedIssueByPeriod, [.text(newsletter), .text(period)]).first.map(DigestIssue.init(stored:))
    }
}
