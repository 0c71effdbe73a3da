import Foundation

/// One row per (subscriber, newsletter): the opt-in state of that pair.
public protocol SubscriptionOperations: Sendable {
    /// One subscriber's subscription to one newsletter, if any.
    func subscription(subscriberID: Int64, newsletter: String) async throws -> Subscription?
    /// All subscriptions of a subscriber, ordered by newsletter slug.
    func subscriptions(subscriberID: Int64) async throws -> [Subscription]
    /// Inserts or replaces the subscription for (subscriber, newsletter); throws when the
    /// newsletter is unknown.
    func saveSubscription(_ subscription: Subscription) async throws
}
