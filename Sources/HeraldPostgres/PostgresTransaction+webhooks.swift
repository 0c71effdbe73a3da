import Foundation
import HeraldCore

/// The webhook outbox on PostgreSQL.
extension PostgresTransaction {
    func enqueueWebhook(_ d: WebhookDraft) async throws -> Int64 {
        let rows = try await run(
            Q.enqueueWebhook,
            [
                .text(d.eventID), .text(d.eventType.rawValue), .text(d.endpointURL), .optionalInteger(d.subscriberID),
                .text(d.body), .date(d.createdAt),
            ])
        guard let id = rows.first?.int(0) else {
            throw StoreError.duplicate("webhook delivery for this event and endpoint exists")
        }
        return id
    }

    func claimDueWebhooks(owner: String, now: Date, limit: Int, leaseUntil: Date) async throws -> [WebhookDelivery] {
        try await run(Q.claimDueWebhooks, [.date(leaseUntil), .text(owner), .date(now), .integer(Int64(limit))])
            .map(WebhookDelivery.init(stored:))
            .sorted { $0.id < $1.id }
    }

    func markWebhookDelivered(id: Int64, owner: String, attempts: Int, at time: Date, result: String) async throws
        -> Bool
    {
        try await run(
            Q.markWebhookDelivered, [.integer(Int64(attempts)), .date(time), .text(result), .integer(id), .text(owner)]
        ).count == 1
    }

    func markWebhookRetry(id: Int64, owner: String, attempts: Int, nextAttemptAt: Date, result: String) async throws
        -> Bool
    {
        try await run(
            Q.markWebhookRetry,
            [.integer(Int64(attempts)), .date(nextAttemptAt), .text(result), .integer(id), .text(owner)]
        ).count == 1
    }

    func markWebhookFailed(id: Int64, owner: String, attempts: Int, result: String) async throws -> Bool {
        try await run(Q.markWebhookFailed, [.integer(Int64(attempts)), .text(result), .integer(id), .text(owner)])
            .count == 1
    }

    func webhookDelivery(id: Int64) async throws -> WebhookDelivery? {
        try await run(Q.webhookByID, [.integer(id)]).first.map(WebhookDelivery.init(stored:))
    }

    func webhookDeliveries(eventID: String) async throws -> [WebhookDelivery] {
        try await run(Q.webhooksOfEvent, [.text(eventID)]).map(WebhookDelivery.init(stored:))
    }

    func deleteWebhookDeliveries(subscriberID: Int64) async throws -> Int {
        try await run(Q.deleteWebhooksOfSubscriber, [.integer(subscriberID)]).count
    }

    func webhookSummary() async throws -> [WebhookDeliveryState: Int] {
        try await run(Q.webhookCounts).countsByState()
    }
}
