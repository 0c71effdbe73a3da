import Foundation

/// Subscribers, looked up by canonical address key or id.
public protocol SubscriberOperations: Sendable {
    /// Creates a subscriber; throws `.duplicate` when the canonical key is taken.
    func insertSubscriber(_ subscriber: NewSubscriber) async throws -> Subscriber
    /// The subscriber with this canonical key, if any.
    func subscriber(canonicalKey: String) async throws -> Subscriber?
    /// The subscriber with this id, if any.
    func subscriber(id: Int64) async throws -> Subscriber?
    /// Replaces the name (nil clears it) and stamps `updatedAt`.
    func updateSubscriberName(id: Int64, name: String?, at time: Date) async throws
    /// Replaces the language (a BCP 47 tag; nil means the newsletter's) and stamps `updatedAt`;
    /// throws `.notFound` when there is no such subscriber. The store does not judge the tag.
    func updateSubscriberLanguage(id: Int64, language: String?, at time: Date) async throws
    /// Number of subscribers.
    func subscriberCount() async throws -> Int

    /// Removes pending subscriptions last changed before `cutoff`, then subscribers left with no
    /// subscription at all (with their tokens and consent log). Returns the subscribers removed.
    func purgePending(before cutoff: Date) async throws -> Int
}
