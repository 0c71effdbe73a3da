import Foundation

/// Remembers solved signup challenges so each solution is accepted once, across every process
/// that shares the database.
public protocol SpentChallengeOperations: Sendable {
    /// Records `challenge` as spent until `expiresAt` and returns true; returns false (and changes
    /// nothing) when it was spent before. Records that expired before `time` are forgotten first.
    func spendChallenge(_ challenge: String, expiresAt: Date, at time: Date) async throws -> Bool
}
