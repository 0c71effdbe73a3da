import Foundation

extension OutboxMessage: LeasedItem {}

/// The mail outbox as a ``LeasedQueue``.
public struct OutboxQueue: LeasedQueue {
    public typealias Operations = any OutboxOperations

    public var kind: LeasedQueueKind { .outbox }

    public init() {}

    public func claim(owner: String, now: Date, limit: Int, leaseUntil: Date, in tx: Operations) async throws
        -> [OutboxMessage]
    {
        try await tx.claimDueMail(owner: owner, now: now, limit: limit, leaseUntil: leaseUntil)
    }

    /// Marks the mail sent (its body is forgotten); `attempts` is counted by the store.
    public func markDone(
        _ item: OutboxMessage, owner: String, attempts: Int, at time: Date, result: String, in tx: Operations
    ) async throws -> Bool {
        try await tx.markMailSent(id: item.id, owner: owner, at: time, reply: result)
    }

    public func markRetry(
        _ item: OutboxMessage, owner: String, attempts: Int, nextAttemptAt: Date, result: String, in tx: Operations
    ) async throws -> Bool {
        try await tx.markMailRetry(
            id: item.id, owner: owner, attempts: attempts, nextAttemptAt: nextAttemptAt, result: result)
    }

    public func markFailed(
        _ item: OutboxMessage, owner: String, attempts: Int, at time: Date, result: String, in tx: Operations
    ) async throws -> Bool {
        try await tx.markMailFailed(id: item.id, owner: owner, attempts: attempts, at: time, result: result)
    }
}
