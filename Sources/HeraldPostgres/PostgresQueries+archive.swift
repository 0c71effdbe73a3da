/// The SQL of the public archive: completed issues, newest first.
extension PostgresQueries {
    static let archivedIssues = """
        SELECT \(digestIssueColumns) FROM digest_issues
        WHERE newsletter = $1 AND completed_at IS NOT NULL
        ORDER BY completed_at DESC, id DESC LIMIT $2 OFFSET $3
        """
    static let archivedIssueCount =
        "SELECT count(*) FROM digest_issues WHERE newsletter = $1 AND completed_at IS NOT NULL"
    static let archivedIssueByPeriod = """
        SELECT \(digestIssueColumns) FROM digest_issues
        WHERE newsletter = $1 AND period = $2 AND completed_at IS NOT NULL
        """
}
