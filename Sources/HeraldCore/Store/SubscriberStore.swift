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
    /// Settles the store before the process exits, so the database holds everything committed
    /// without relying on connections being closed (SQLite: checkpoints the write-ahead log into
    /// the database file and truncates it). The store stays usable.
    func checkpoint() async throws
    /// Rewrites the stored data so that no part of the database keeps bytes of rows deleted
    /// before the call, not even in space the database no longer uses (SQLite: `VACUUM`, then a
    /// truncating checkpoint). Called after an erasure commits; runs alone, and its cost grows with
    /// the size of the database. When it fails the deleted rows stay deleted, and a store that
    /// can retry does so on ``checkpoint()``. Returns whether the store has such a rewrite (false:
    /// nothing was done).
    func removeDeletedTraces() async throws -> Bool
    /// Writes the address search index entries of at most `limit` subscribers whose entries were
    /// left for after their signup committed (SQLite queues them, migration 23), lowest ids first,
    /// and returns how many it took; 0 once none is left. A search finds such subscribers either
    /// way; `herald serve` calls this every second (`SearchIndexService`).
    func indexQueuedSubscribers(limit: Int) async throws -> Int
    /// Whether a subscriber's search index entries are written after the transaction that inserts
    /// it (``indexQueuedSubscribers(limit:)``) rather than in it: then a signup's own transaction
    /// writes none, which the uniform signup timing makes up for (SQLite: true).
    var indexesSubscribersAfterCommit: Bool { get }
}

extension SubscriberStore {
    /// No slot: the erasure key comes from the settings.
    public var erasureKeySlot: ErasureKeySlot? { nil }

    /// Nothing to settle (memory; PostgreSQL writes through its server).
    public func checkpoint() async throws {}

    /// Nothing to rewrite (memory), or nothing Herald can rewrite (PostgreSQL keeps deleted tuples
    /// until its own `VACUUM` reuses their space; SECURITY.md lists it as a gap).
    public func removeDeletedTraces() async throws -> Bool { false }

    /// Nothing queued: the store indexes every subscriber in the transaction that writes it.
    public func indexQueuedSubscribers(limit: Int) async throws -> Int { 0 }

    /// Indexed in the inserting transaction.
    public var indexesSubscribersAfterCommit: Bool { false }
}

/// Everything a backend offers inside one store transaction: the composition of every
/// operations protocol.
///
/// Only backends name this type (each declares `struct …Transaction: StoreTransaction`) and the
/// store hands it to ``SubscriberStore/transaction(_:)``. Services never take it: each names the
/// operations it uses (see ``ScopedStore``), so a service's signature says which tables it may
/// touch. A new operations protocol is added here and gets its own suite in
/// `Tests/StoreContractTests/Operations/`, run against every backend.
public protocol StoreTransaction: Sendable, NewsletterOperations, SubscriberOperations, SubscriptionOperations,
    TokenOperations, ConsentOperations, SettingOperations, OutboxOperations, DigestIssueOperations,
    SuppressionOperations, SubscriberImportOperations, BounceOperations, WebhookOperations, AuditOperations,
    AdminQueryOperations, DigestQueueOperations, SubscriberLockOperations, DiscardedWriteOperations,
    SpentChallengeOperations, ReminderOperations, ArchiveOperations, ClickOperations, OpenOperations,
    ConsoleSessionOperations, OutboxReviewOperations, LeasedQueueOperations
{}
