import Foundation

/// The published issues of a newsletter, for its public archive.
///
/// Contract: only completed issues (every delivery settled) are archived, each under its language
/// (a newsletter offering several languages has one archive per language), with the articles they
/// were created and sent with. `archivedIssues` orders them newest first (by completion time, then
/// id), skips `offset` and returns at most `limit`; walking the pages returns each archived issue
/// exactly once while no issue completes. `archivedIssue` returns nil for an unknown period and for
/// an issue that is not complete yet.
public protocol ArchiveOperations: Sendable {
    /// Up to `limit` completed issues of `newsletter` in `language` after skipping `offset`, newest first.
    func archivedIssues(newsletter: String, language: String, offset: Int, limit: Int) async throws -> [DigestIssue]
    /// The number of completed issues of `newsletter` in `language`.
    func archivedIssueCount(newsletter: String, language: String) async throws -> Int
    /// The completed issue of `newsletter` in `language` for `period`, or nil.
    func archivedIssue(newsletter: String, language: String, period: String) async throws -> DigestIssue?
}
