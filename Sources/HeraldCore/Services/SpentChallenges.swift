import Foundation

/// Spends the signup form's solved proof-of-work challenges: each solution is accepted once,
/// across every process that shares the database.
public struct SpentChallenges: Sendable {
    let store: ScopedStore<any SpentChallengeOperations>

    public init(store: any SubscriberStore) {
        self.store = ScopedStore(store) { $0 }
    }

    /// True the first time `challenge` is spent (it is then remembered until `expiresAt`); false
    /// when it was spent before and has not expired by `time`.
    public func spend(_ challenge: String, expiresAt: Date, at time: Date) async throws -> Bool {
        try await store.transaction { try await $0.spendChallenge(challenge, expiresAt: expiresAt, at: time) }
    }
}
