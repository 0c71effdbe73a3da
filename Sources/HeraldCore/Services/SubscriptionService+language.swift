import Foundation

extension SubscriptionService {
    /// The languages a subscriber with `subscriptions` may have: those their newsletters offer,
    /// every newsletter's when none of theirs is configured any more.
    func offeredLanguages(_ subscriptions: [Subscription]) -> [String] {
        let theirs = newsletters.filter { newsletter in subscriptions.contains { $0.newsletter == newsletter.slug } }
        let offered = Newsletter.offeredLanguages(theirs.isEmpty ? newsletters : theirs)
        return offered.isEmpty ? [Newsletter.defaultLanguage] : offered
    }

    /// Stores a subscriber's language as an admin (nil: their newsletter's), with an audit entry
    /// naming the old and new value, in one transaction. Returns the subscriber after the change.
    ///
    /// - Throws: ``AdminActionError/subscriberNotFound(_:)``; ``UnknownLanguageError`` when their
    ///   newsletters do not offer `language` (nothing changed).
    public func adminSetLanguage(subscriberID: Int64, language requested: String?, actor: String) async throws
        -> Subscriber
    {
        let time = now()
        return try await store.transaction { [self] tx in
            guard var subscriber = try await tx.subscriber(id: subscriberID) else {
                throw AdminActionError.subscriberNotFound(subscriberID)
            }
            let offered = offeredLanguages(try await tx.subscriptions(subscriberID: subscriberID))
            var language: String?
            if let requested {
                guard let match = offered.first(where: { $0.lowercased() == requested.lowercased() }) else {
                    throw UnknownLanguageError(requested: requested, offered: offered)
                }
                language = match
            }
            _ = try await tx.appendAudit(
                NewAuditEntry(
                    actor: actor, action: "subscriber.language", target: "subscriber:\(subscriberID)",
                    detailJSON: AuditDetail.json(["from": subscriber.language, "to": language]), occurredAt: time))
            guard language != subscriber.language else { return subscriber }
            try await tx.updateSubscriberLanguage(id: subscriberID, language: language, at: time)
            subscriber.language = language
            subscriber.updatedAt = time
            return subscriber
        }
    }
}
