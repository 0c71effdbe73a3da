import Foundation

/// What ``DigestQueueService`` touches: the digest queue and the audit log.
public typealias DigestQueueServiceOperations = DigestQueueOperations & AuditOperations

/// Articles queued by hand for a newsletter's next digest, as the admin API and the console
/// change them: each change writes its audit entry (`digest.queue`, `digest.unqueue`) naming the
/// operator in the same transaction.
public struct DigestQueueService: Sendable {
    let store: ScopedStore<any DigestQueueServiceOperations>
    let now: @Sendable () -> Date

    public init(store: any SubscriberStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = ScopedStore(store) { $0 }
        self.now = now
    }

    /// Up to `limit` items of `newsletter` no digest has sent yet, newest first.
    public func pending(newsletter: String, limit: Int) async throws -> [QueuedDigestItem] {
        try await store.transaction { try await $0.pendingDigestItems(newsletter: newsletter, limit: limit) }
    }

    /// Queues `article` for `newsletter`.
    ///
    /// - Throws: `StoreError.duplicate` when this link is already queued; store errors.
    public func queue(_ article: DigestArticle, newsletter: String, actor: String) async throws -> QueuedDigestItem {
        let time = now()
        return try await store.transaction { tx in
            let item = try await tx.queueDigestItem(newsletter: newsletter, article: article, queuedBy: actor, at: time)
            _ = try await tx.appendAudit(
                NewAuditEntry(
                    actor: actor, action: "digest.queue", target: "newsletter:\(newsletter)",
                    detailJSON: AuditDetail.json(["item": String(item.id), "url": article.link]), occurredAt: time))
            return item
        }
    }

    /// Removes queued item `itemID` of `newsletter`; false when there is none (nothing is audited).
    public func unqueue(itemID: Int64, newsletter: String, actor: String) async throws -> Bool {
        let time = now()
        return try await store.transaction { tx in
            guard try await tx.unqueueDigestItem(id: itemID, newsletter: newsletter) else { return false }
            _ = try await tx.appendAudit(
                NewAuditEntry(
                    actor: actor, action: "digest.unqueue", target: "newsletter:\(newsletter)",
                    detailJSON: AuditDetail.json(["item": String(itemID)]), occurredAt: time))
            return true
        }
    }
}
