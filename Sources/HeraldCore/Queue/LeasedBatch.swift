import Foundation
import Logging

/// One claimed batch of a leased queue, worked through with bounded concurrency while a
/// ``LeaseKeeper`` renews its leases: the one worker loop of the outbox and the webhooks.
public struct LeasedBatch<Item: LeasedItem>: Sendable {
    /// The rows claimed, in claim order.
    public let items: [Item]
    /// Renews the rows' leases while the batch runs; ask it before starting work on a row.
    public let keeper: LeaseKeeper

    /// A batch of `items` claimed until `leaseUntil`, renewed by `renew` every third of `lease`.
    public init(
        _ items: [Item], leaseUntil: Date, lease: Duration, now: @escaping @Sendable () -> Date,
        renew: @escaping LeaseKeeper.Renew
    ) {
        self.items = items
        keeper = LeaseKeeper(ids: items.map(\.id), leaseUntil: leaseUntil, lease: lease, now: now, renew: renew)
    }

    /// Runs `work` on each row, `concurrency` at a time, starting no new row once `keepGoing`
    /// says no; leases are renewed meanwhile and each row is released when its work ends.
    /// Returns the outcomes in completion order and the rows never started.
    public func run<Outcome: Sendable>(
        concurrency: Int, logger: Logger, keepGoing: @escaping @Sendable () -> Bool = { true },
        _ work: @escaping @Sendable (Item) async throws -> Outcome
    ) async throws -> (outcomes: [Outcome], untried: [Item]) {
        guard !items.isEmpty else { return ([], []) }
        let heartbeat = Task { [keeper] in await keeper.keepRenewing(logger: logger) }
        defer { heartbeat.cancel() }
        return try await withThrowingTaskGroup(of: Outcome.self) { group in
            var pending = items.makeIterator()
            var outcomes: [Outcome] = []
            func startNext() -> Bool {
                guard keepGoing(), let item = pending.next() else { return false }
                group.addTask { [keeper] in
                    defer { keeper.release(item.id) }
                    return try await work(item)
                }
                return true
            }
            for _ in 0..<max(1, concurrency) where !startNext() { break }
            while let outcome = try await group.next() {
                outcomes.append(outcome)
                _ = startNext()
            }
            return (outcomes, Array(IteratorSequence(pending)))
        }
    }
}
