import Foundation

/// The published issues of a newsletter, for its public archive.
///
/// Contract: only completed issues (every delivery settled) are archived, with the articles they
/// were created and sent with. `archivedIssues` orders them newest first (by completion time, then
/// id), skips `offset` and returns at most `limit`; walking the pages returns each archived issue
/// exactly once while no issue completes. `archivedIssue` returns nil for an unknown period and for
/// an issue that is not complete yet.
public protocol ArchiveOperations: Sendable {
    /// Up to `limit` completed issues of `newsletter` after skipping `offset`, newest first.
    func archivedIssues(newsletter: String, offset: Int, limit: Int) async throws -> [DigestIssue]
    /// The number of completed issues of `newsletter`.
    func archivedIssueCount(newsletter: String) async throws -> Int
    /// The completed issue of `newsletter` for `period`, or nil.
    func archivedIssue(newsletter: String, period: String) async throws -> DigestIssue?
}
