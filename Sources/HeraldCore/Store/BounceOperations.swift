import Foundation

/// Stored bounces and complaints, keyed by the keyed hash of an address.
public protocol BounceOperations: Sendable {
    /// Appends one bounce; returns its id.
    func insertBounce(_ bounce: BounceRecord) async throws -> Int64
    /// Number of bounces of `kind` for the address hash that occurred at or after `since`.
    func bounceCount(addressHash: String, kind: BounceKind, since: Date) async throws -> Int
    /// The newest `limit` bounces for the address hash, newest first (ties: higher id first).
    func bounces(addressHash: String, limit: Int) async throws -> [BounceRecord]
}
