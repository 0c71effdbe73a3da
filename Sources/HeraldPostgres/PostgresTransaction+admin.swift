import Foundation
import HeraldCore

/// Admin API operations of the PostgreSQL store: audit log, search, counts, digest listings and queue.
extension PostgresTransaction {
    func appendAudit(_ entry: NewAuditEntry) async throws -> Int64 {
        let rows = try await run(
            Q.appendAudit,
            [
                .text(entry.actor), .text(entry.action), .optionalText(entry.target), .text(entry.detailJSON),
                .date(entry.occurredAt),
            ])
        guard let id = rows.first?.int(0) else { throw StoreError.corrupt("audit_log insert returned no id") }
        return id
    }

    func auditEntries(_ filter: AuditFilter) async throws -> [AuditEntry] {
        try await run(
            Q.auditEntries,
            [
                .optionalInteger(filter.beforeID), .integer(Int64(filter.limit)), .optionalText(filter.actor),
                .optionalText(filter.action), .date(filter.from), .date(filter.before),
            ]
        )
        .map(AuditEntry.init(stored:))
    }

    func searchSubscribers(_ search: SubscriberSearch) async throws -> [Subscriber] {
        let fragment = search.addressContains?.lowercased()
        let criteria: [PostgresValue] = [
            .integer(search.afterID), .optionalText(fragment), .date(search.createdFrom),
            .date(search.createdBefore), .optionalText(search.newsletter), .optionalText(search.status?.rawValue),
            .integer(Int64(search.limit)),
        ]
        if let fragment, let trigram = try await rarestTrigram(of: fragment, after: search.afterID) {
            return try await run(Q.searchSubscribersByTrigram, criteria + [.text(trigram)]).map(
                Subscriber.init(stored:))
        }
        if search.newsletter != nil, search.status != nil {
            return try await run(Q.searchSubscribersBySubscription, criteria).map(Subscriber.init(stored:))
        }
        return try await run(Q.searchSubscribers, criteria).map(Subscriber.init(stored:))
    }

    private func rarestTrigram(of fragment: String, after id: Int64) async throws -> String? {
        try await AddressTrigrams.rarest(of: fragment) { trigram in
            let limit = Int64(AddressTrigrams.countLimit)
            let rows = try await run(Q.countTrigramEntries, [.text(trigram), .integer(id), .integer(limit)])
            return Int(rows.first?.int(0) ?? 0)
        }
    }

    func subscriptionCounts() async throws -> [SubscriptionCount] {
        try await run(Q.subscriptionCounts).compactMap(SubscriptionCount.init(stored:))
            .sorted { ($0.newsletter, $0.status.rawValue) < ($1.newsletter, $1.status.rawValue) }
    }

    func consentActivity(newsletter: String?, from: Date, to: Date) async throws -> [ConsentActivity] {
        try await run(Q.consentActivity, [.date(from), .date(to), .optionalText(newsletter)])
            .compactMap(ConsentActivity.init(stored:))
    }

    func digestIssueSummaries(newsletter: String, beforeID: Int64?, limit: Int) async throws -> [DigestIssueSummary] {
        try await run(Q.digestIssueSummaries, [.text(newsletter), .optionalInteger(beforeID), .integer(Int64(limit))])
            .map(DigestIssueSummary.init(stored:))
    }

    func queueDigestItem(newsletter: String, article: DigestArticle, queuedBy: String, at time: Date) async throws
        -> QueuedDigestItem
    {
        guard !(try await run(Q.newsletterExists, [.text(newsletter)])).isEmpty else {
            throw StoreError.notFound("newsletter \(newsletter)")
        }
        let rows = try await run(
            Q.queueDigestItem,
            [
                .text(newsletter), .text(article.identity), .text(try QueuedArticleCoding.encode(article)),
                .text(queuedBy), .date(time),
            ])
        guard let id = rows.first?.int(0) else {
            throw StoreError.duplicate("this article is already queued for \(newsletter)")
        }
        return QueuedDigestItem(id: id, newsletter: newsletter, article: article, queuedBy: queuedBy, queuedAt: time)
    }

    func unqueueDigestItem(id: Int64, newsletter: String) async throws -> Bool {
        try await run(Q.unqueueDigestItem, [.integer(id), .text(newsletter)]).count == 1
    }

    func pendingDigestItems(newsletter: String, limit: Int) async throws -> [QueuedDigestItem] {
        try await run(Q.pendingDigestItems, [.text(newsletter), .integer(Int64(limit))])
            .map(QueuedDigestItem.init(stored:))
    }
}
