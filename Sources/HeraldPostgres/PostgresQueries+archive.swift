/// The SQL of the public archive: completed issues, newest first.
extension PostgresQueries {
    static let archivedIssues = """
        SELECT \(digestIssueColumns) FROM digest_issues
        WHERE newsletter = $1 AND language = $2 AND completed_at IS NOT NULL
        ORDER BY completed_at DESC, id DESC LIMIT $3 OFFSET $4
        """
    static let archivedIssueCount =
        "SELECT count(*) FROM digest_issues WHERE newsletter = $1 AND language = $2 AND completed_at IS NOT NULL"
    static let archivedIssueByPeriod = """
        SELECT \(digestIssueColumns) FROM digest_issues
        WHERE newsletter = $1 AND language = $2 AND period = $3 AND completed_at IS NOT NULL
        """
}
