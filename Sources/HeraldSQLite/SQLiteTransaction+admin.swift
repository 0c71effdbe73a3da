import Foundation
import HeraldCore

/// Admin API operations of the SQLite store: audit log, search, counts, digest listings and queue.
extension SQLiteTransaction {
    func appendAudit(_ entry: NewAuditEntry) async throws -> Int64 {
        try connection.query(
            Q.appendAudit,
            [
                .text(entry.actor), .text(entry.action), .optionalText(entry.target), .text(entry.detailJSON),
                .date(entry.occurredAt),
            ])
        return connection.lastInsertRowID
    }

    func auditEntries(_ filter: AuditFilter) async throws -> [AuditEntry] {
        try connection.query(
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
        let criteria: [SQLiteValue] = [
            .integer(search.afterID), .optionalText(fragment), .date(search.createdFrom),
            .date(search.createdBefore), .optionalText(search.newsletter), .optionalText(search.status?.rawValue),
            .integer(Int64(search.limit)),
        ]
        if let fragment, let trigram = try await rarestTrigram(of: fragment, after: search.afterID) {
            return try connection.query(Q.searchSubscribersByTrigram, criteria + [.text(trigram)]).map(
                Subscriber.init(stored:))
        }
        if search.newsletter != nil, search.status != nil {
            return try connection.query(Q.searchSubscribersBySubscription, criteria).map(Subscriber.init(stored:))
        }
        return try connection.query(Q.searchSubscribers, criteria).map(Subscriber.init(stored:))
    }

    private func rarestTrigram(of fragment: String, after id: Int64) async throws -> String? {
        try await AddressTrigrams.rarest(of: fragment) { trigram in
            let limit = Int64(AddressTrigrams.countLimit)
            let row = try connection.query(Q.countTrigramEntries, [.text(trigram), .integer(id), .integer(limit)])
            return Int(row.first?.int(0) ?? 0)
        }
    }

    func subscriptionCounts() async throws -> [SubscriptionCount] {
        try connection.query(Q.subscriptionCounts).compactMap(SubscriptionCount.init(stored:))
    }

    func consentActivity(newsletter: String?, from: Date, to: Date) async throws -> [ConsentActivity] {
        try connection.query(Q.consentActivity, [.date(from), .date(to), .optionalText(newsletter)])
            .compactMap(ConsentActivity.init(stored:))
    }

    func digestIssueSummaries(newsletter: String, beforeID: Int64?, limit: Int) async throws -> [DigestIssueSummary] {
        try connection.query(
            Q.digestIssueSummaries, [.text(newsletter), .optionalInteger(beforeID), .integer(Int64(limit))]
        )
        .map(DigestIssueSummary.init(stored:))
    }

    func queueDigestItem(newsletter: String, article: DigestArticle, queuedBy: String, at time: Date) async throws
        -> QueuedDigestItem
    {
        try connection.query(
            Q.queueDigestItem,
            [
                .text(newsletter), .text(article.identity), .text(try QueuedArticleCoding.encode(article)),
                .text(queuedBy),
                .date(time),
            ])
        return QueuedDigestItem(
            id: connection.lastInsertRowID, newsletter: newsletter, article: article, queuedBy: queuedBy, queuedAt: time
        )
    }

    func unqueueDigestItem(id: Int64, newsletter: String) async throws -> Bool {
        try connection.query(Q.unqueueDigestItem, [.integer(id), .text(newsletter)])
        return connection.changes == 1
    }

    func pendingDigestItems(newsletter: String, limit: Int) async throws -> [QueuedDigestItem] {
        try connection.query(Q.pendingDigestItems, [.text(newsletter), .integer(Int64(limit))])
            .map(QueuedDigestItem.init(stored:))
    }
}
