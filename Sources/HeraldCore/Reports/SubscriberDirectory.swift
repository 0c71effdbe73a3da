import Foundation

/// What ``SubscriberDirectory`` reads.
public typealias SubscriberDirectoryOperations = SubscriberOperations & SubscriptionOperations & ConsentOperations
    & AdminQueryOperations & SuppressionListOperations & BounceOperations

/// A subscriber with their subscriptions, as a search lists them.
public struct SubscriberListing: Sendable, Equatable {
    public let subscriber: Subscriber
    public let subscriptions: [Subscription]
}

/// Everything the operator sees about one subscriber, read at one moment.
public struct SubscriberRecord: Sendable {
    public let subscriber: Subscriber
    public let subscriptions: [Subscription]
    /// Oldest first.
    public let consentHistory: [ConsentEvent]
    /// Set when the address is on the suppression list.
    public let suppression: SuppressionEntry?
    /// The address's latest bounce reports (at most the number asked for; none when 0 was).
    public let bounces: [BounceRecord]
}

/// The operator's read-only view of subscribers: search, one subscriber's record, counts. Each
/// answer is read in one transaction; changes go through ``SubscriptionService`` and
/// ``SubscriberAdministration``.
public struct SubscriberDirectory: Sendable {
    let store: ScopedStore<any SubscriberDirectoryOperations>

    public init(store: any SubscriberStore) {
        self.store = ScopedStore(store) { $0 }
    }

    /// The subscribers matching `search` (ordered by id), each with their subscriptions.
    public func search(_ search: SubscriberSearch) async throws -> [SubscriberListing] {
        try await store.transaction { tx in
            var listings: [SubscriberListing] = []
            for subscriber in try await tx.searchSubscribers(search) {
                listings.append(
                    SubscriberListing(
                        subscriber: subscriber, subscriptions: try await tx.subscriptions(subscriberID: subscriber.id)))
            }
            return listings
        }
    }

    /// Subscriber `id`'s record with up to `bounceLimit` bounce reports; nil when there is no
    /// such subscriber.
    public func record(id: Int64, bounceLimit: Int = 0) async throws -> SubscriberRecord? {
        try await store.transaction { tx in
            guard let subscriber = try await tx.subscriber(id: id) else { return nil }
            var bounces: [BounceRecord] = []
            if bounceLimit > 0 {
                let hasher = try await SuppressionHasher.current(in: tx)
                bounces = try await tx.bounces(
                    addressHash: hasher.hash(canonicalKey: subscriber.canonicalKey), limit: bounceLimit)
            }
            return SubscriberRecord(
                subscriber: subscriber, subscriptions: try await tx.subscriptions(subscriberID: id),
                consentHistory: try await tx.consentEvents(subscriberID: id),
                suppression: try await SuppressionList.entry(canonicalKey: subscriber.canonicalKey, in: tx),
                bounces: bounces)
        }
    }

    /// Subscriber `id`; nil when there is none.
    public func subscriber(id: Int64) async throws -> Subscriber? {
        try await store.transaction { try await $0.subscriber(id: id) }
    }

    /// How many subscribers the store holds.
    public func count() async throws -> Int {
        try await store.transaction { try await $0.subscriberCount() }
    }
}
