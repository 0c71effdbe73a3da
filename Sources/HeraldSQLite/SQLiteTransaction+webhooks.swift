import Foundation
import HeraldCore

/// The webhook outbox on SQLite.
extension SQLiteTransaction {
    func enqueueWebhook(_ d: WebhookDraft) async throws -> Int64 {
        try connection.query(
            Q.enqueueWebhook,
            [
                .text(d.eventID), .text(d.eventType.rawValue), .text(d.endpointURL), .optionalInteger(d.subscriberID),
                .text(d.body), .date(d.createdAt), .date(d.createdAt),
            ])
        return connection.lastInsertRowID
    }

    func claimDueWebhooks(owner: String, now: Date, limit: Int, leaseUntil: Date) async throws -> [WebhookDelivery] {
        try connection.query(Q.claimDueWebhooks, [.date(leaseUntil), .text(owner), .date(now), .integer(Int64(limit))])
            .map(WebhookDelivery.init(stored:))
            .sorted { $0.id < $1.id }
    }

    func markWebhookDelivered(id: Int64, owner: String, attempts: Int, at time: Date, result: String) async throws
        -> Bool
    {
        try connection.query(
            Q.markWebhookDelivered,
            [
                .integer(Int64(attempts)), .date(time), .text(result), .integer(id), .text(owner),
            ])
        return connection.changes == 1
    }

    func markWebhookRetry(id: Int64, owner: String, attempts: Int, nextAttemptAt: Date, result: String) async throws
        -> Bool
    {
        try connection.query(
            Q.markWebhookRetry,
            [
                .integer(Int64(attempts)), .date(nextAttemptAt), .text(result), .integer(id), .text(owner),
            ])
        return connection.changes == 1
    }

    func markWebhookFailed(id: Int64, owner: String, attempts: Int, result: String) async throws -> Bool {
        try connection.query(
            Q.markWebhookFailed, [.integer(Int64(attempts)), .text(result), .integer(id), .text(owner)])
        return connection.changes == 1
    }

    func webhookDelivery(id: Int64) async throws -> WebhookDelivery? {
        try connection.query(Q.webhookByID, [.integer(id)]).first.map(WebhookDelivery.init(stored:))
    }

    func webhookDeliveries(eventID: String) async throws -> [WebhookDelivery] {
        try connection.query(Q.webhooksOfEvent, [.text(eventID)]).map(WebhookDelivery.init(stored:))
    }

    func deleteWebhookDeliveries(subscriberID: Int64) async throws -> Int {
        try connection.query(Q.deleteWebhooksOfSubscriber, [.integer(subscriberID)])
        return connection.changes
    }

    func webhookSummary() async throws -> [WebhookDeliveryState: Int] {
        try connection.query(Q.webhookCounts).countsByState()
    }
}
