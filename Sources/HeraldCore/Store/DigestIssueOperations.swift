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
    /// Number of subscribers confirmed for `newsletter` now whom `edition` includes: the ones
    /// ``createDigestIssue(newsletter:period:edition:articles:at:)`` would add a delivery for.
    func confirmedSubscriberCount(newsletter: String, edition: DigestEdition) async throws -> Int
    /// The issue for (newsletter, period, language), if any.
    func digestIssue(newsletter: String, period: String, language: String) async throws -> DigestIssue?
    /// Issues of `newsletter` (in every language) not completed yet, oldest first.
    func incompleteDigestIssues(newsletter: String) async throws -> [DigestIssue]
    /// Claims up to `limit` deliveries of the issue for `owner` until `leaseUntil` (the
    /// ``DigestDeliveryQueue`` of ``LeasedQueue``), lowest subscriber id first: pending ones;
    /// `claimed` or `sending` ones whose lease ended by `now` (their run died or stalled);
    /// `deferred` ones due by `now` that another owner deferred. Claimed rows become `claimed` by
    /// `owner`; each carries its recorded attempts and whether it was left `sending`. Rows a
    /// concurrent claim is taking are skipped, never shared: two owners never hold one row at once.
    /// Leases are renewed through ``LeasedQueueOperations`` (kind `.digest`, ids = subscriber ids).
    func claimDigestDeliveries(issueID: Int64, owner: String, now: Date, limit: Int, leaseUntil: Date) async throws
        -> [DigestRecipient]
    /// Moves one row from `claimed` to `sending` if `owner` still holds it, just before its SMTP
    /// transaction; false when another run took the row over (then it must not be sent).
    func startDigestDelivery(issueID: Int64, subscriberID: Int64, owner: String, at time: Date) async throws -> Bool
    /// Records the outcome of one delivery if `owner` still holds it (`claimed` or `sending` by
    /// `owner`); otherwise changes nothing and returns false (the row was taken over by another run).
    func settleDigestDelivery(issueID: Int64, subscriberID: Int64, owner: String, outcome: DigestDeliveryOutcome)
        async throws -> Bool
    /// One delivery as stored, if the issue has one for `subscriberID`.
    func digestDelivery(issueID: Int64, subscriberID: Int64) async throws -> DigestDeliveryRecord?
    /// Counts by state and up to `failureLimit` failures (failed or deferred) with their results.
    func digestProgress(issueID: Int64, failureLimit: Int) async throws -> DigestProgress
    /// Marks the issue complete (once: a second call keeps the first time).
    func completeDigestIssue(issueID: Int64, at time: Date) async throws
    /// Puts the issue's `failed` and `deferred` deliveries back to `pending` and the issue back to
    /// incomplete, so the next run sends them; returns how many. Rows in any other state (above
    /// all `sending` and `sent`) are untouched, so nobody gets the issue twice.
    func reopenDigestDeliveries(issueID: Int64, at time: Date) async throws -> Int
}
