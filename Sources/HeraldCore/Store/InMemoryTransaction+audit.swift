import Foundation

/// Audit log and digest queue of the reference store.
extension InMemoryTransaction {
    func appendAudit(_ entry: NewAuditEntry) async throws -> Int64 {
        write { state in
            let id = (state.audit.last?.id ?? 0) + 1
            state.audit.append(
                AuditEntry(
                    id: id, actor: entry.actor, action: entry.action, target: entry.target,
                    detailJSON: entry.detailJSON, occurredAt: entry.occurredAt))
            return id
        }
    }

    func auditEntries(_ filter: AuditFilter) async throws -> [AuditEntry] {
        read { state in Array(state.audit.reversed().filter(filter.admits).prefix(filter.limit)) }
    }

    func queueDigestItem(newsletter: String, article: DigestArticle, queuedBy: String, at time: Date) async throws
        -> QueuedDigestItem
    {
        try write { state in
            guard state.newsletters[newsletter] != nil else { throw StoreError.notFound("newsletter \(newsletter)") }
            guard
                !state.digestQueue.contains(where: {
                    $0.newsletter == newsletter && $0.article.identity == article.identity
                })
            else { throw StoreError.duplicate("this article is already queued for \(newsletter)") }
            let item = QueuedDigestItem(
                id: (state.digestQueue.last?.id ?? 0) + 1, newsletter: newsletter, article: article, queuedBy: queuedBy,
                queuedAt: time)
            state.digestQueue.append(item)
            return item
        }
    }

    func unqueueDigestItem(id: Int64, newsletter: String) async throws -> Bool {
        write { state in
            guard let index = state.digestQueue.firstIndex(where: { $0.id == id && $0.newsletter == newsletter })
            else { return false }
            state.digestQueue.remove(at: index)
            return true
        }
    }

    func pendingDigestItems(newsletter: String, limit: Int) async throws -> [QueuedDigestItem] {
        read { state in
            let sent = state.sentArticles.filter { $0.key.newsletter == newsletter }.values
                .reduce(into: Set<String>()) { $0.formUnion($1.identities) }
            return Array(
                state.digestQueue.reversed()
                    .filter { $0.newsletter == newsletter && !sent.contains($0.article.identity) }
                    .prefix(limit))
        }
    }
}
