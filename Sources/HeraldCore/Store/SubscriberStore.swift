import Foundation

/// Durable home of subscribers, subscriptions, tokens, consent and the mail outbox.
///
/// Every backend (in-memory, SQLite, PostgreSQL) keeps the same contract, checked by one
/// contract test suite:
/// - `transaction` runs its body atomically: all writes land, or none do when it throws.
///   Transactions never observe each other half-done.
/// - Errors are `StoreError`: `.duplicate` for a unique key taken, `.unavailable` when the
///   database cannot be reached or written right now.
public protocol SubscriberStore: Sendable {
    /// Brings the schema up to date; harmless to run again.
    func migrate() async throws
    /// Checks that the database answers.
    func ping() async throws
    /// Runs `body` in one transaction and commits it when the body returns.
    func transaction<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result
    /// Where the erasure key from the key file is installed at start-up; nil for stores that
    /// keep it in settings only (the in-memory reference store).
    var erasureKeySlot: ErasureKeySlot? { get }
}

extension SubscriberStore {
    /// No slot: the erasure key comes from the settings.
    public var erasureKeySlot: ErasureKeySlot? { nil }
}

extension StoreTransaction {
    /// No slot: the erasure key comes from the settings.
    public var erasureKeySlot: ErasureKeySlot? { nil }
}

/// The operations available inside one store transaction.
///
/// Addresses are looked up by canonical key; slugs identify newsletters.
public protocol StoreTransaction: Sendable, SuppressionOperations, SubscriberImportOperations, BounceOperations,
    WebhookOperations, AuditOperations, AdminQueryOperations,
    DigestQueueOperations, SubscriberLockOperations, DiscardedWriteOperations
{
    // MARK: Newsletters

    /// Inserts or updates newsletters by slug (configuration is the source of truth).
    func upsertNewsletter(_ newsletter: Newsletter) async throws
    /// All known newsletters, ordered by slug.
    func newsletters() async throws -> [Newsletter]

    // MARK: Subscribers

    /// Creates a subscriber; throws `.duplicate` when the canonical key is taken.
    func insertSubscriber(_ subscriber: NewSubscriber) async throws -> Subscriber
    /// The subscriber with this canonical key, if any.
    func subscriber(canonicalKey: String) async throws -> Subscriber?
    /// The subscriber with this id, if any.
    func subscriber(id: Int64) async throws -> Subscriber?
    /// Replaces the name (nil clears it) and stamps `updatedAt`.
    func updateSubscriberName(id: Int64, name: String?, at time: Date) async throws
    /// Number of subscribers.
    func subscriberCount() async throws -> Int

    /// Removes pending subscriptions last changed before `cutoff`, then subscribers left with no
    /// subscription at all (with their tokens and consent log). Returns the subscribers removed.
    func purgePending(before cutoff: Date) async throws -> Int

    // MARK: Subscriptions

    /// One subscriber's subscription to one newsletter, if any.
    func subscription(subscriberID: Int64, newsletter: String) async throws -> Subscription?
    /// All subscriptions of a subscriber, ordered by newsletter slug.
    func subscriptions(subscriberID: Int64) async throws -> [Subscription]
    /// Inserts or replaces the subscription for (subscriber, newsletter).
    func saveSubscription(_ subscription: Subscription) async throws

    // MARK: Tokens

    /// Stores a token hash; throws `.duplicate` when the hash exists.
    func insertToken(_ token: TokenRecord) async throws
    /// The token with this hash, if any (expired and used ones too).
    func token(hash: String) async throws -> TokenRecord?
    /// Marks a token used; returns false when it was already used (single-use guard).
    func markTokenUsed(hash: String, at time: Date) async throws -> Bool

    // MARK: Consent

    /// Appends one consent event.
    func appendConsent(_ event: ConsentEvent) async throws
    /// A subscriber's consent history, oldest first.
    func consentEvents(subscriberID: Int64) async throws -> [ConsentEvent]

    // MARK: Settings

    /// The stored value of setting `name`; stores `value` first when the setting is absent.
    func setting(named name: String, default value: String) async throws -> String

    /// Stores `value` for setting `name`, replacing any earlier value.
    func saveSetting(named name: String, value: String) async throws
    /// Deletes setting `name` and returns the value it had, if any (keys moved out of the database).
    func takeSetting(named name: String) async throws -> String?
    /// The erasure key of the store this transaction belongs to (see ``SubscriberStore/erasureKeySlot``).
    var erasureKeySlot: ErasureKeySlot? { get }

    // MARK: Digests

    /// The identities among `identities` (and links among `links`) already sent in a digest of `newsletter`.
    func seenArticleKeys(newsletter: String, identities: [String], links: [String]) async throws -> Set<String>
    /// Creates the issue for (newsletter, period) with its articles, remembers the articles as sent,
    /// and adds one pending delivery per subscriber confirmed now. Throws `.duplicate` when the
    /// issue exists (a unique key, so two runs cannot both create it).
    func createDigestIssue(newsletter: String, period: String, articles: [DigestArticle], at time: Date) async throws
        -> DigestIssue
    /// Number of subscribers confirmed for `newsletter` now.
    func confirmedSubscriberCount(newsletter: String) async throws -> Int
    /// The issue for (newsletter, period), if any.
    func digestIssue(newsletter: String, period: String) async throws -> DigestIssue?
    /// Issues of `newsletter` not completed yet, oldest first.
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

    // MARK: Outbox

    /// Queues a mail; returns its outbox id.
    func enqueueMail(_ draft: OutboxDraft) async throws -> Int64
    /// Number of mails of `kind` queued for `throttleKey` at or after `since` (any state).
    func mailCount(throttleKey: String, kind: MailKind, since: Date) async throws -> Int
    /// Claims up to `limit` mails that are due: pending with `nextAttemptAt <= now`, or `sending`
    /// whose lease (`nextAttemptAt`) expired. Claimed rows become `sending` until `leaseUntil`.
    func claimDueMail(now: Date, limit: Int, leaseUntil: Date) async throws -> [OutboxMessage]
    /// Records acceptance by the server; the row is never sent again.
    func markMailSent(id: Int64, at time: Date, reply: String) async throws
    /// Puts a claimed row back to `pending` for another attempt at `nextAttemptAt`.
    func markMailRetry(id: Int64, attempts: Int, nextAttemptAt: Date, result: String) async throws
    /// Gives up on a row.
    func markMailFailed(id: Int64, attempts: Int, at time: Date, result: String) async throws
    /// The outbox row with this id, if any.
    func outboxMessage(id: Int64) async throws -> OutboxMessage?
    /// Counts by state and the oldest pending mail's creation time.
    func outboxSummary() async throws -> OutboxSummary
}
