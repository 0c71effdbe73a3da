import Foundation

/// One owner's work on a leased queue, each step in its own store transaction: claiming a batch,
/// renewing its leases, recording outcomes. The store side of a queue worker (``LeasedBatch`` is
/// the loop), so workers outside Core open no transaction themselves.
public struct LeasedQueueWork<Queue: LeasedQueue>: Sendable {
    /// The queue worked on.
    public let queue: Queue
    /// The id this worker's claims carry.
    public let owner: String
    let store: any SubscriberStore
    let scope: @Sendable (any StoreTransaction) -> Queue.Operations

    /// Works on `queue` in `store` as `owner`; `scope` is `{ $0 }` (the queue's operations).
    public init(
        _ queue: Queue, owner: String, store: any SubscriberStore,
        scope: @escaping @Sendable (any StoreTransaction) -> Queue.Operations
    ) {
        self.queue = queue
        self.owner = owner
        self.store = store
        self.scope = scope
    }

    /// Claims up to `limit` rows due at `now` until `leaseUntil` (``LeasedQueue/claim(owner:now:limit:leaseUntil:in:)``).
    public func claim(now: Date, limit: Int, leaseUntil: Date) async throws -> [Queue.Item] {
        try await store.transaction { [queue, owner, scope] tx in
            try await queue.claim(owner: owner, now: now, limit: limit, leaseUntil: leaseUntil, in: scope(tx))
        }
    }

    /// Extends the leases still held among `ids` to `until`; returns those ids (a ``LeaseKeeper/Renew``).
    public func renew(_ ids: [Int64], until: Date) async throws -> Set<Int64> {
        try await store.transaction { [queue, owner] in
            try await $0.renewLeases(queue.kind, ids: ids, owner: owner, until: until)
        }
    }

    /// Records success; false when the row is no longer this owner's (nothing changed).
    public func markDone(_ item: Queue.Item, attempts: Int, at time: Date, result: String) async throws -> Bool {
        try await store.transaction { [queue, owner, scope] tx in
            try await queue.markDone(item, owner: owner, attempts: attempts, at: time, result: result, in: scope(tx))
        }
    }

    /// Puts `items` back for another attempt at `nextAttemptAt`, each with its own attempts
    /// (`attempts(item)`), in one transaction; returns how many were still this owner's.
    public func markRetry(
        _ items: [Queue.Item], attempts: @escaping @Sendable (Queue.Item) -> Int, nextAttemptAt: Date,
        result: String
    ) async throws -> Int {
        guard !items.isEmpty else { return 0 }
        return try await store.transaction { [queue, owner, scope] tx in
            var kept = 0
            for item in items {
                let owned = try await queue.markRetry(
                    item, owner: owner, attempts: attempts(item), nextAttemptAt: nextAttemptAt, result: result,
                    in: scope(tx))
                if owned { kept += 1 }
            }
            return kept
        }
    }

    /// Gives up on the row; false when it is no longer this owner's (nothing changed).
    public func markFailed(_ item: Queue.Item, attempts: Int, at time: Date, result: String) async throws -> Bool {
        try await store.transaction { [queue, owner, scope] tx in
            try await queue.markFailed(item, owner: owner, attempts: attempts, at: time, result: result, in: scope(tx))
        }
    }
}
