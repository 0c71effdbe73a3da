import Foundation

extension SubscriptionService {
    /// Queues a `subscription.*` webhook event for a status change, in the change's transaction.
    func publish(
        _ type: WebhookEventType, _ subscriber: Subscriber, _ newsletter: String,
        in tx: any SubscriptionServiceOperations,
        at time: Date
    ) async throws {
        try await webhooks.publish(
            WebhookEvent(
                type: type, createdAt: time, subscriberID: subscriber.id, email: subscriber.email,
                newsletter: newsletter),
            in: tx)
    }
}
