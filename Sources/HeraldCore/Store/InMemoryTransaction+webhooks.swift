import Foundation

/// The webhook outbox in memory.
extension InMemoryTransaction {
    func enqueueWebhook(_ draft: WebhookDraft) async throws -> Int64 {
        try write { state in
            guard
                !state.webhookDeliveries.values.contains(where: {
                    $0.draft.eventID == draft.eventID && $0.draft.endpointURL == draft.endpointURL
                })
            else { throw StoreError.duplicate("webhook delivery for this event and endpoint exists") }
            let id = state.nextWebhookID
            state.nextWebhookID += 1
            state.webhookDeliveries[id] = WebhookDelivery(
                id: id, draft: draft, state: .pending, attempts: 0, nextAttemptAt: draft.createdAt, claimedBy: nil,
                lastResult: nil, deliveredAt: nil)
            return id
        }
    }

    func claimDueWebhooks(owner: String, now: Date, limit: Int, leaseUntil: Date) async throws -> [WebhookDelivery] {
        write { state in
            let due = state.webhookDeliveries.values
                .filter { ($0.state == .pending || $0.state == .sending) && $0.nextAttemptAt <= now }
                .sorted { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
                .prefix(max(0, limit))
            return due.map { delivery in
                var claimed = delivery
                claimed.state = .sending
                claimed.nextAttemptAt = leaseUntil
                claimed.claimedBy = owner
                state.webhookDeliveries[delivery.id] = claimed
                return claimed
            }.sorted { $0.id < $1.id }
        }
    }

    func markWebhookDelivered(id: Int64, owner: String, attempts: Int, at time: Date, result: String) async throws
        -> Bool
    {
        updateClaimed(id, owner) { delivery in
            delivery.state = .delivered
            delivery.attempts = attempts
            delivery.deliveredAt = time
            delivery.lastResult = result
        }
    }

    func markWebhookRetry(id: Int64, owner: String, attempts: Int, nextAttemptAt: Date, result: String) async throws
        -> Bool
    {
        updateClaimed(id, owner) { delivery in
            delivery.state = .pending
            delivery.attempts = attempts
            delivery.nextAttemptAt = nextAttemptAt
            delivery.claimedBy = nil
            delivery.lastResult = result
        }
    }

    func markWebhookFailed(id: Int64, owner: String, attempts: Int, result: String) async throws -> Bool {
        updateClaimed(id, owner) { delivery in
            delivery.state = .failed
            delivery.attempts = attempts
            delivery.lastResult = result
        }
    }

    func updateClaimed(_ id: Int64, _ owner: String, _ change: (inout WebhookDelivery) -> Void) -> Bool {
        write { state in
            guard var delivery = state.webhookDeliveries[id], delivery.state == .sending, delivery.claimedBy == owner
            else { return false }
            change(&delivery)
            state.webhookDeliveries[id] = delivery
            return true
        }
    }

    func webhookDelivery(id: Int64) async throws -> WebhookDelivery? {
        read { $0.webhookDeliveries[id] }
    }

    func webhookDeliveries(eventID: String) async throws -> [WebhookDelivery] {
        read { state in state.webhookDeliveries.values.filter { $0.draft.eventID == eventID }.sorted { $0.id < $1.id } }
    }

    func deleteWebhookDeliveries(subscriberID: Int64) async throws -> Int {
        write { state in
            let doomed = state.webhookDeliveries.values.filter { $0.draft.subscriberID == subscriberID }.map(\.id)
            for id in doomed { state.webhookDeliveries[id] = nil }
            return doomed.count
        }
    }

    func webhookSummary() async throws -> [WebhookDeliveryState: Int] {
        read { state in
            var counts: [WebhookDeliveryState: Int] = [:]
            for delivery in state.webhookDeliveries.values { counts[delivery.state, default: 0] += 1 }
            return counts
        }
    }
}
