import Foundation

/// Bulk import and export in memory (the reference for the SQL backends).
extension InMemoryTransaction {
    func importSubscribers(_ batch: SubscriberImportBatch) async throws -> SubscriberImportBatchResult {
        try write { state in
            var result = SubscriberImportBatchResult(preexisting: [:], changed: [])
            for row in batch.rows {
                guard state.newsletters[row.newsletter] != nil else {
                    throw StoreError.notFound("newsletter \(row.newsletter)")
                }
                let id = Self.upsertImported(row, at: batch.importedAt, in: &state)
                let key = InMemoryState.SubscriptionKey(subscriberID: id, newsletter: row.newsletter)
                let current = state.subscriptions[key]
                if let current {
                    result.preexisting[ImportKey(canonicalKey: row.canonicalKey, newsletter: row.newsletter)] =
                        current.updatedAt
                }
                guard
                    let next = Self.importedSubscription(row, subscriberID: id, current: current, at: batch.importedAt)
                else { continue }
                state.subscriptions[key] = next
                result.changed.append(next)
                state.consent.append(
                    ConsentEvent(
                        subscriberID: id, newsletter: row.newsletter, action: .importConsent,
                        source: batch.consentSource,
                        occurredAt: batch.importedAt))
            }
            return result
        }
    }

    /// Creates or updates the subscriber of `row`; returns its id.
    private static func upsertImported(_ row: ImportedSubscription, at time: Date, in state: inout InMemoryState)
        -> Int64
    {
        if let id = state.subscriberIDByKey[row.canonicalKey], var subscriber = state.subscribers[id] {
            subscriber.name = row.name ?? subscriber.name
            subscriber.language = row.language ?? subscriber.language
            subscriber.attributesJSON = mergedAttributes(subscriber.attributesJSON, row.attributesJSON)
            subscriber.updatedAt = time
            state.subscribers[id] = subscriber
            return id
        }
        let id = state.nextSubscriberID
        state.nextSubscriberID += 1
        state.subscribers[id] = Subscriber(
            id: id, email: row.email, smtpAddress: row.smtpAddress, canonicalKey: row.canonicalKey, name: row.name,
            attributesJSON: row.attributesJSON, language: row.language ?? row.newSubscriberLanguage,
            createdAt: row.createdAt, updatedAt: time)
        state.subscriberIDByKey[row.canonicalKey] = id
        return id
    }

    /// The subscription after the row is applied, or nil when the row changes nothing.
    private static func importedSubscription(
        _ row: ImportedSubscription, subscriberID: Int64, current: Subscription?, at time: Date
    ) -> Subscription? {
        if let current {
            guard current.status == .pending, row.status == .confirmed else { return nil }
            var next = current
            next.status = .confirmed
            next.updatedAt = time
            next.confirmedAt = row.confirmedAt ?? time
            return next
        }
        return Subscription(
            subscriberID: subscriberID, newsletter: row.newsletter, status: row.status, createdAt: row.createdAt,
            updatedAt: time, confirmedAt: row.status == .confirmed ? row.confirmedAt ?? time : nil,
            unsubscribedAt: row.status == .unsubscribed ? time : nil)
    }

    private static func mergedAttributes(_ stored: String, _ incoming: String) -> String {
        let merged = JSONValue.objectMembers(of: stored).merging(JSONValue.objectMembers(of: incoming)) { $1 }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? String(decoding: encoder.encode(merged), as: UTF8.self)) ?? stored
    }

    func exportPage(
        newsletter: String?, status: SubscriptionStatus?, afterSubscriberID: Int64, afterNewsletter: String, limit: Int
    ) async throws -> [SubscriberExportRow] {
        read { state in
            Array(
                exportable(state, newsletter: newsletter, status: status)
                    .filter {
                        $0.subscriberID > afterSubscriberID
                            || ($0.subscriberID == afterSubscriberID && Self.precedes(afterNewsletter, $0.newsletter))
                    }
                    .sorted {
                        $0.subscriberID != $1.subscriberID
                            ? $0.subscriberID < $1.subscriberID : Self.precedes($0.newsletter, $1.newsletter)
                    }
                    .prefix(limit)
                    .compactMap { subscription in
                        state.subscribers[subscription.subscriberID].map {
                            SubscriberExportRow(subscriber: $0, subscription: subscription)
                        }
                    })
        }
    }

    func exportAttributeNames(newsletter: String?, status: SubscriptionStatus?) async throws -> [String] {
        read { state in
            let ids = Set(exportable(state, newsletter: newsletter, status: status).map(\.subscriberID))
            let names = ids.flatMap { JSONValue.objectMembers(of: state.subscribers[$0]?.attributesJSON ?? "{}").keys }
            return Set(names).sorted(by: Self.precedes)
        }
    }

    /// Byte order, as the SQL backends sort.
    private static func precedes(_ lhs: String, _ rhs: String) -> Bool { lhs.utf8.lexicographicallyPrecedes(rhs.utf8) }

    private func exportable(_ state: InMemoryState, newsletter: String?, status: SubscriptionStatus?) -> [Subscription]
    {
        state.subscriptions.values.filter {
            (newsletter == nil || $0.newsletter == newsletter) && (status == nil || $0.status == status)
        }
    }
}
