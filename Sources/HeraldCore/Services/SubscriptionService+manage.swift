import Foundation

/// One newsletter on the preferences page.
public struct PreferenceEntry: Sendable, Equatable {
    public var newsletter: Newsletter
    public var status: SubscriptionStatus?
}

/// What the preferences page shows.
public struct PreferencesView: Sendable, Equatable {
    public var subscriber: Subscriber
    public var entries: [PreferenceEntry]
}

extension SubscriptionService {
    /// The subscriber and newsletter a manage token names, when it is genuine and the subscriber exists.
    public func resolveManageToken(_ token: String) async throws -> (Subscriber, Newsletter)? {
        guard let (id, slug) = signer.verify(token), let newsletter = newsletter(slug) else { return nil }
        guard let subscriber = try await store.transaction({ try await $0.subscriber(id: id) }) else { return nil }
        return (subscriber, newsletter)
    }

    /// Unsubscribes the token's subscriber from the token's newsletter at once (idempotent, RFC 8058 one-click).
    /// Returns nil when the token is not valid.
    public func unsubscribe(token: String, origin: RequestOrigin) async throws -> Newsletter? {
        guard let (id, slug) = signer.verify(token), let newsletter = newsletter(slug) else { return nil }
        let time = now()
        return try await store.transaction { [self] tx in
            guard let subscriber = try await tx.subscriber(id: id) else { return nil }
            try await setStatus(.unsubscribed, subscriber, newsletter.slug, action: .unsubscribe, origin, tx, time)
            return newsletter
        }
    }

    /// The preferences page for the token's subscriber; nil when the token is not valid.
    public func preferences(token: String) async throws -> PreferencesView? {
        guard let (id, _) = signer.verify(token) else { return nil }
        return try await store.transaction { [self] tx in
            guard let subscriber = try await tx.subscriber(id: id) else { return nil }
            let current = try await tx.subscriptions(subscriberID: id)
            let entries = newsletters.map { newsletter in
                PreferenceEntry(
                    newsletter: newsletter, status: current.first { $0.newsletter == newsletter.slug }?.status)
            }
            return PreferencesView(subscriber: subscriber, entries: entries)
        }
    }

    /// Saves the preferences page: unchecked confirmed newsletters are unsubscribed; checked ones that were
    /// confirmed before and later left are confirmed again (the person holds a link from our mail, and
    /// re-ticks a box they had confirmed); newsletters never confirmed need a signup with double opt-in.
    public func savePreferences(token: String, keep selected: Set<String>, origin: RequestOrigin) async throws
        -> PreferencesView?
    {
        guard let (id, _) = signer.verify(token) else { return nil }
        let time = now()
        let changed: Bool = try await store.transaction { [self] tx in
            guard let subscriber = try await tx.subscriber(id: id) else { return false }
            for subscription in try await tx.subscriptions(subscriberID: id) {
                let wanted = selected.contains(subscription.newsletter)
                if subscription.status == .confirmed, !wanted {
                    try await setStatus(
                        .unsubscribed, subscriber, subscription.newsletter, action: .preferenceChange,
                        origin, tx, time)
                } else if subscription.status == .unsubscribed, wanted, subscription.confirmedAt != nil {
                    try await setStatus(
                        .confirmed, subscriber, subscription.newsletter, action: .preferenceChange,
                        origin, tx, time)
                }
            }
            return true
        }
        return changed ? try await preferences(token: token) : nil
    }

    private func setStatus(
        _ status: SubscriptionStatus, _ subscriber: Subscriber, _ slug: String, action: ConsentAction,
        _ origin: RequestOrigin, _ tx: any SubscriptionServiceOperations, _ time: Date
    ) async throws {
        guard let current = try await tx.subscription(subscriberID: subscriber.id, newsletter: slug),
            current.status != status
        else { return }
        try await tx.saveSubscription(current.moved(to: status, at: time))
        try await tx.appendConsent(consent(action, subscriber, slug, origin, time))
        try await publish(status == .confirmed ? .confirmed : .unsubscribed, subscriber, slug, in: tx, at: time)
    }
}

extension SubscriptionService {
    /// The manage (unsubscribe/preferences) token for a subscriber and newsletter.
    public func manageToken(subscriberID: Int64, newsletter: String) -> String {
        signer.token(subscriberID: subscriberID, newsletter: newsletter)
    }
}

extension SubscriptionService {
    /// Removes signups never confirmed within the confirmation lifetime; returns how many people were removed.
    public func purgeExpiredPending() async throws -> Int {
        let cutoff = now().addingTimeInterval(-policy.confirmationLifetime.seconds)
        return try await store.transaction { try await $0.purgePending(before: cutoff) }
    }
}
