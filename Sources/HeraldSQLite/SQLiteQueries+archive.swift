/// The SQL of the public archive: completed issues, newest first.
extension SQLiteQueries {
    static let archivedIssues = """
        SELECT \(digestIssueColumns) FROM digest_issues
        WHERE newsletter = ? AND language = ? AND completed_at IS NOT NULL
        ORDER BY completed_at DESC, id DESC LIMIT ? OFFSET ?
        """
    static let archivedIssueCount =
        "SELECT count(*) FROM digest_issues WHERE newsletter = ? AND language = ? AND completed_at IS NOT NULL"
    static let archivedIssueByPeriod = """
        SELECT \(digestIssueColumns) FROM digest_issues
        WHERE newsletter = ? AND language = ? AND period = ? AND completed_at IS NOT NULL
        """
}
