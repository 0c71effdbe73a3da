import Foundation

/// Signup reminders in memory.
extension InMemoryTransaction {
    func dueReminders(createdBefore: Date, now: Date, limit: Int) async throws -> [TokenRecord] {
        read { state in
            let confirms = state.tokens.values.filter { $0.purpose == .confirm }
            let newest = Dictionary(grouping: confirms, by: \.subscriberID).mapValues { $0.map(\.createdAt).max()! }
            return
                confirms
                .filter { token in
                    token.usedAt == nil && token.expiresAt > now && token.createdAt <= createdBefore
                        && state.remindedTokens[token.hash] == nil && newest[token.subscriberID] == token.createdAt
                }
                .sorted { ($0.createdAt, $0.hash) < ($1.createdAt, $1.hash) }
                .prefix(limit).map { $0 }
        }
    }

    func claimReminder(hash: String, replacement: TokenRecord?, at time: Date) async throws -> Bool {
        write { state in
            guard var token = state.tokens[hash], token.usedAt == nil, state.remindedTokens[hash] == nil else {
                return false
            }
            state.remindedTokens[hash] = time
            if let replacement {
                token.expiresAt = time
                state.tokens[hash] = token
                state.tokens[replacement.hash] = replacement
                state.remindedTokens[replacement.hash] = time
            }
            return true
        }
    }
}
