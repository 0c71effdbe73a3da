import Foundation

/// Why an administrative action on a subscriber could not be done.
public enum AdministrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No subscriber has this id (never existed, or already erased).
    case subscriberNotFound(Int64)

    public var description: String {
        switch self {
        case .subscriberNotFound(let id): "no subscriber with id \(id) (never existed or already erased)"
        }
    }
}

/// What an erasure left behind: only the keyed hash on the suppression list.
public struct ErasureReceipt: Sendable, Equatable {
    public var subscriberID: Int64
    /// The suppression in force now (`erased`, or an earlier bounce/complaint reason that it kept).
    public var suppression: SuppressionEntry
    /// What became of the rewrite of the database after the erasure committed.
    public var databaseRewrite: DatabaseRewrite = .notOffered
}

/// The rewrite that follows an erasure, so that no unused space in the database still holds the
/// person's bytes (``SubscriberStore/removeDeletedTraces()``).
public enum DatabaseRewrite: Sendable, Equatable {
    /// The database was rewritten from its live rows.
    case done
    /// The store has no such step (PostgreSQL, memory).
    case notOffered
    /// The rewrite failed (for example, the disk had no room for the copy), for the reason given;
    /// the erasure stands, and SQLite rewrites the database when `herald serve` stops.
    case failed(String)
}

/// What an erasure touches: the person, their suppression entry and their webhook deliveries.
public typealias ErasureOperations = SubscriberOperations & SuppressionListOperations & WebhookOperations

/// What a data export (Art. 15) reads.
public typealias DataExportOperations =
    SubscriberOperations & SubscriptionOperations & ConsentOperations & SuppressionListOperations

/// What ``SubscriberAdministration`` uses: an erasure's and a data export's operations, and the
/// audit log.
public typealias SubscriberAdministrationOperations = ErasureOperations & DataExportOperations & AuditOperations

/// GDPR erasure (Art. 17) and access (Art. 15) for one subscriber, as the admin API, the console
/// and the CLI do them: each writes its audit entry (`subscriber.erase`, `subscriber.export`)
/// naming the operator in the same transaction.
public struct SubscriberAdministration: Sendable {
    let store: ScopedStore<any SubscriberAdministrationOperations>
    let now: @Sendable () -> Date
    /// Where the `subscriber.erased` event goes (in the erasure's transaction).
    let webhooks: WebhookPublisher

    public init(
        store: any SubscriberStore, now: @escaping @Sendable () -> Date = Date.init, webhooks: WebhookPublisher = .none
    ) {
        self.store = ScopedStore(store) { $0 }
        self.now = now
        self.webhooks = webhooks
    }

    /// Erases the subscriber in one transaction: suppresses the address (reason `erased`, naming
    /// `actor`), deletes the person and all their personal data, publishes `subscriber.erased`
    /// and writes the audit entry. Then has the store rewrite the database, so no space it freed
    /// keeps a copy of the person's bytes (the receipt says whether that worked; the erasure
    /// stands either way).
    ///
    /// - Throws: ``AdministrationError/subscriberNotFound(_:)``; store errors of the erasure.
    @discardableResult
    public func erase(subscriberID: Int64, actor: String) async throws -> ErasureReceipt {
        var receipt = try await eraseAndAudit(subscriberID: subscriberID, actor: actor)
        do {
            receipt.databaseRewrite = try await store.base.removeDeletedTraces() ? .done : .notOffered
        } catch {
            receipt.databaseRewrite = .failed("\(error)")
        }
        return receipt
    }

    private func eraseAndAudit(subscriberID: Int64, actor: String) async throws -> ErasureReceipt {
        let time = now()
        return try await store.transaction { [webhooks] tx in
            let receipt = try await Self.erase(
                subscriberID: subscriberID, actor: actor, at: time, in: tx, webhooks: webhooks)
            _ = try await tx.appendAudit(
                NewAuditEntry(
                    actor: actor, action: "subscriber.erase", target: "subscriber:\(subscriberID)",
                    detailJSON: AuditDetail.json(["suppression": receipt.suppression.reason.rawValue]),
                    occurredAt: time))
            return receipt
        }
    }

    /// ``erase(subscriberID:actor:)`` inside an open transaction, without the audit entry (to write it or an
    /// event with it).
    public static func erase(
        subscriberID: Int64, actor: String, at time: Date, in tx: any ErasureOperations,
        webhooks: WebhookPublisher = .none
    ) async throws -> ErasureReceipt {
        guard let subscriber = try await tx.subscriber(id: subscriberID) else {
            throw AdministrationError.subscriberNotFound(subscriberID)
        }
        let entry = try await SuppressionList.suppress(
            canonicalKey: subscriber.canonicalKey, reason: .erased, detail: "erased by \(actor)", at: time, in: tx)
        try await tx.eraseSubscriber(id: subscriberID)
        try await webhooks.subscriberErased(subscriberID, at: time, in: tx)
        return ErasureReceipt(subscriberID: subscriberID, suppression: entry)
    }

    /// Everything held about the subscriber: address, name, attributes, subscriptions, consent
    /// history and suppression status; the audit entry names `actor`.
    ///
    /// - Throws: ``AdministrationError/subscriberNotFound(_:)``; store errors.
    public func exportData(subscriberID: Int64, actor: String) async throws -> SubscriberDataExport {
        let time = now()
        return try await store.transaction { tx in
            let data = try await Self.exportData(subscriberID: subscriberID, in: tx)
            _ = try await tx.appendAudit(
                NewAuditEntry(
                    actor: actor, action: "subscriber.export", target: "subscriber:\(subscriberID)", occurredAt: time))
            return data
        }
    }

    /// ``exportData(subscriberID:actor:)`` inside an open transaction.
    public static func exportData(subscriberID: Int64, in tx: any DataExportOperations) async throws
        -> SubscriberDataExport
    {
        guard let subscriber = try await tx.subscriber(id: subscriberID) else {
            throw AdministrationError.subscriberNotFound(subscriberID)
        }
        return SubscriberDataExport(
            subscriber, try await tx.subscriptions(subscriberID: subscriberID),
            try await tx.consentEvents(subscriberID: subscriberID),
            try await SuppressionList.entry(canonicalKey: subscriber.canonicalKey, in: tx))
    }
}
