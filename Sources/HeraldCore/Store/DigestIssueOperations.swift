import Foundation

/// Digest issues and their per-subscriber deliveries: created once per (newsletter, period, language),
/// claimed by runs in batches, each row sent at most once.
public protocol DigestIssueOperations: Sendable {
    /// The identities among `identities` (and links among `links`) already sent in a digest of
    /// `newsletter` in `language` (each language's issues remember their own articles).
    func seenArticleKeys(newsletter: String, language: String, identities: [String], links: [String]) async throws
        -> Set<String>
    /// Creates the issue for (newsletter, period, `edition.language`) with its articles, remembers
    /// the articles as sent in that language, and adds one pending delivery per subscriber
    /// confirmed now whom `edition` includes (see ``DigestEdition/includes(subscriberLanguage:)``).
    /// Throws `.duplicate` when the issue exists (a unique key, so two runs cannot both create it).
    func createDigestIssue(
        newsletter: String, period: String, edition: DigestEdition, articles: [DigestArticle], at time: Date
    ) async throws -> DigestIssue
    /// Number of subscribers confirmed for `newsletter` now.
    func confirmedSubscriberCount(newsletter: String) async throws -> Int
    /// The issue for (newsletter, period, language), if any.
    func digestIssue(newsletter: String, period: String, language: String) async throws -> DigestIssue?
    /// Issues of `newsletter` (in every language) not completed yet, oldest first.
    func incompleteDigestIssues(newsletter: String) async throws -> [DigestIssue]
    /// Claims up to `claim.limit` deliveries for `claim.owner`, lowest subscriber id first: pending
    /// ones; `claimed` or `sending` ones of another owner whose claim was last renewed before
    /// `claim.abandonedBefore` (that run died); `deferred` ones another owner deferred before
    /// `claim.deferredBefore` (an earlier run). Claimed rows become `claimed` by the owner, renewed
    /// at `claim.time`. Rows a concurrent claim is taking are skipped, never shared: two owners
    /// never hold one row at once.
    func claimDigestDeliveries(issueID: Int64, _ claim: DigestClaim) async throws -> [DigestRecipient]
    /// Renews, at `time`, the claims `owner` holds on rows still `claimed` or `sending`.
    func renewDigestClaims(issueID: Int64, owner: String, at time: Date) async throws
    /// Moves one row from `claimed` to `sending` if `owner` still holds it, just before its SMTP
    /// transaction; false when another run took the row over (then it must not be sent).
    func startDigestDelivery(issueID: Int64, subscriberID: Int64, owner: String, at time: Date) async throws -> Bool
    /// Records the outcome of one delivery.
    func recordDigestDelivery(issueID: Int64, subscriberID: Int64, state: DeliveryState, result: String?, at time: Date)
        async throws
    /// Counts by state and up to `failureLimit` failures (failed or deferred) with their results.
    func digestProgress(issueID: Int64, failureLimit: Int) async throws -> DigestProgress
    /// Marks the issue complete (once: a second call keeps the first time).
    func completeDigestIssue(issueID: Int64, at time: Date) async throws
    /// Puts the issue's `failed` and `deferred` deliveries back to `pending` and the issue back to
    /// incomplete, so the next run sends them; returns how many. Rows in any other state (above
    /// all `sending` and `sent`) are untouched, so nobody gets the issue twice.
    func reopenDigestDeliveries(issueID: Int64, at time: Date) async throws -> Int
}
