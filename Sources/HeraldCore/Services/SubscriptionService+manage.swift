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
    /// The languages the subscriber's newsletters offer (every newsletter's when they have none),
    /// the first newsletter's own language first.
    public var languages: [String]
    /// The language their pages and mail use: the stored one when offered, else the first of ``languages``.
    public var language: String
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
            return preferencesView(subscriber, try await tx.subscriptions(subscriberID: id))
        }
    }

    private func preferencesView(_ subscriber: Subscriber, _ current: [Subscription]) -> PreferencesView {
        let entries = newsletters.map { newsletter in
            PreferenceEntry(newsletter: newsletter, status: current.first { $0.newsletter == newsletter.slug }?.status)
        }
        let languages = offeredLanguages(current)
        let language = subscriber.language.flatMap { languages.contains($0) ? $0 : nil } ?? languages[0]
        return PreferencesView(subscriber: subscriber, entries: entries, languages: languages, language: language)
    }

    /// Saves the preferences page: unchecked confirmed newsletters are unsubscribed; checked ones that were
    /// confirmed before and later left are confirmed again (the person holds a link from our mail, and
    /// re-ticks a box they had confirmed); newsletters never confirmed need a signup with double opt-in.
    /// A `language` other than the stored one is stored, with a `preference_change` consent record
    /// naming it.
    ///
    /// - Throws: ``UnknownLanguageError`` when their newsletters do not offer `language`; then
    ///   nothing at all is saved.
    public func savePreferences(
        token: String, keep selected: Set<String>, language: String? = nil, origin: RequestOrigin
    ) async throws -> PreferencesView? {
        guard let (id, _) = signer.verify(token) else { return nil }
        let time = now()
        let changed: Bool = try await store.transaction { [self] tx in
            guard let subscriber = try await tx.subscriber(id: id) else { return false }
            let subscriptions = try await tx.subscriptions(subscriberID: id)
            if let language {
                try await saveLanguage(
                    language, of: subscriber, offered: offeredLanguages(subscriptions), origin, tx, time)
            }
            for subscription in subscriptions {
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

    private func saveLanguage(
        _ requested: String, of subscriber: Subscriber, offered: [String], _ origin: RequestOrigin,
        _ tx: any SubscriptionServiceOperations, _ time: Date
    ) async throws {
        guard let language = offered.first(where: { $0.lowercased() == requested.lowercased() }) else {
            throw UnknownLanguageError(requested: requested, offered: offered)
        }
        guard language != subscriber.language else { return }
        try await tx.updateSubscriberLanguage(id: subscriber.id, language: language, at: time)
        var recorded = origin
        recorded.source = "\(origin.source ?? "preferences page"): language \(language)"
        try await tx.appendConsent(consent(.preferenceChange, subscriber, nil, recorded, time))
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
