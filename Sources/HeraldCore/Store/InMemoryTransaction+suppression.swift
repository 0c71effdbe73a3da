import Foundation

/// The suppression list and erasure in memory.
extension InMemoryTransaction {
    func suppress(_ entry: SuppressionEntry) async throws {
        write { $0.suppressions[entry.addressHash] = entry }
    }

    func suppression(addressHash: String) async throws -> SuppressionEntry? {
        read { $0.suppressions[addressHash] }
    }

    func suppressions(addressHashes: [String]) async throws -> [String: SuppressionEntry] {
        read { state in
            var found: [String: SuppressionEntry] = [:]
            for hash in addressHashes { found[hash] = state.suppressions[hash] }
            return found
        }
    }

    func removeSuppression(addressHash: String) async throws -> Bool {
        write { $0.suppressions.removeValue(forKey: addressHash) != nil }
    }

    func suppressionCount() async throws -> Int {
        read { $0.suppressions.count }
    }

    func eraseSubscriber(id: Int64) async throws -> Bool {
        write { state in
            guard let subscriber = state.subscribers.removeValue(forKey: id) else { return false }
            state.subscriberIDByKey[subscriber.canonicalKey] = nil
            state.subscriptions = state.subscriptions.filter { $0.key.subscriberID != id }
            state.tokens = state.tokens.filter { $0.value.subscriberID != id }
            state.consent.removeAll { $0.subscriberID == id }
            state.outbox = state.outbox.filter {
                $0.value.subscriberID != id && $0.value.throttleKey != subscriber.canonicalKey
            }
            for issue in state.deliveries.keys { state.deliveries[issue]?[id] = nil }
            state.subscriberClicks = state.subscriberClicks.filter { $0.key.subscriberID != id }
            return true
        }
    }
}
