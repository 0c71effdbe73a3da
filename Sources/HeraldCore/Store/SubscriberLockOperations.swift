import Foundation

/// Serialising the transactions that concern one person.
///
/// Contract: after `lockSubscriber(id:)` returns, no other transaction that also locks this
/// subscriber runs until this one ends (commits or rolls back), and what this transaction reads
/// afterwards includes everything such transactions committed before. Backends whose
/// transactions already run one at a time (SQLite, in-memory) keep it without doing anything.
public protocol SubscriberLockOperations: Sendable {
    /// Holds the subscriber's lock until the transaction ends; throws `.notFound` when there is
    /// no such subscriber.
    func lockSubscriber(id: Int64) async throws
}
