import Foundation

/// What every leased queue shares in the store: renewing the leases an owner still holds.
///
/// A leased row is `sending`, claimed by one owner until its lease (`nextAttemptAt`) ends; after
/// that any worker may claim it again. Renewing changes only rows still `sending` and claimed by
/// `owner`, so a worker that lost a row (its lease expired and another worker claimed it) learns
/// so and must not send it, and cannot extend the other worker's claim.
public protocol LeasedQueueOperations: Sendable {
    /// Extends to `until` the leases `owner` still holds among `ids` in the `kind` queue; returns
    /// the ids it still holds (the others changed nothing).
    func renewLeases(_ kind: LeasedQueueKind, ids: [Int64], owner: String, until: Date) async throws -> Set<Int64>
}
