import Foundation

extension InMemoryTransaction {
    func spendChallenge(_ challenge: String, expiresAt: Date, at time: Date) async throws -> Bool {
        write { state in
            state.spentChallenges = state.spentChallenges.filter { $0.value >= time }
            guard state.spentChallenges[challenge] == nil else { return false }
            state.spentChallenges[challenge] = expiresAt
            return true
        }
    }
}
