import Foundation

/// One row of a leased queue, as claimed.
public protocol LeasedItem: Sendable {
    /// The row's id in its queue.
    var id: Int64 { get }
    /// Attempts recorded before this claim.
    var attempts: Int { get }
}

/// A queue whose due rows workers claim in batches under an owner id and a lease.
///
/// The contract every queue keeps (one suite checks it on every store,
/// `LeasedQueueOperationsContractTests`): a claimed row belongs to one owner until its lease
/// ends, and only then may another owner claim it; the owner renews its leases through
/// ``LeasedQueueOperations`` (see ``LeaseKeeper``); every `mark…` changes the row only while
/// `owner` still holds it and otherwise changes nothing and returns false; a row marked done or
/// failed is never claimed again, a row marked for retry is claimed again once `nextAttemptAt`
/// has come. The methods run inside the caller's store transaction (`tx`), so a claim or a
/// mark commits together with what the caller records beside it (suppressions, bounces).
public protocol LeasedQueue: Sendable {
    /// What one claimed row carries.
    associatedtype Item: LeasedItem
    /// The store operations the queue needs inside a transaction.
    associatedtype Operations: Sendable

    /// Which queue this is (names it to ``LeasedQueueOperations``).
    var kind: LeasedQueueKind { get }
    /// Claims up to `limit` rows due at `now` (pending and due, or claimed with an expired lease)
    /// for `owner` until `leaseUntil`.
    func claim(owner: String, now: Date, limit: Int, leaseUntil: Date, in tx: Operations) async throws -> [Item]
    /// Records success after `attempts` attempts; the row is never claimed again.
    func markDone(_ item: Item, owner: String, attempts: Int, at time: Date, result: String, in tx: Operations)
        async throws -> Bool
    /// Puts the row back for another attempt at `nextAttemptAt`.
    func markRetry(
        _ item: Item, owner: String, attempts: Int, nextAttemptAt: Date, result: String, in tx: Operations
    ) async throws -> Bool
    /// Gives up on the row.
    func markFailed(_ item: Item, owner: String, attempts: Int, at time: Date, result: String, in tx: Operations)
        async throws -> Bool
}
