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

    func auditEntries(beforeID: Int64?, limit: Int) async throws -> [AuditEntry] {
        try connection.query(Q.auditEntries, [.optionalInteger(beforeID), .integer(Int64(limit))]).map { row in
            AuditEntry(
                id: row.int(0) ?? 0, actor: row.string(1) ?? "", action: row.string(2) ?? "", target: row.string(3),
                detailJSON: row.string(4) ?? "{}", occurredAt: row.date(5) ?? .distantPast)
        }
    }

    func searchSubscribers(_ search: SubscriberSearch) async throws -> [Subscriber] {
        try connection.query(
            Q.searchSubscribers,
            [
                .integer(search.afterID), .optionalText(search.addressContains?.lowercased()),
                .date(search.createdFrom),
                .date(search.createdBefore), .optionalText(search.newsletter), .optionalText(search.status?.rawValue),
                .integer(Int64(search.limit)),
            ]
        ).map(Self.subscriber(from:))
    }

    func subscriptionCounts() async throws -> [SubscriptionCount] {
        try connection.query(Q.subscriptionCounts).compactMap { row in
            guard let status = SubscriptionStatus(rawValue: row.string(1) ?? "") else { return nil }
            return SubscriptionCount(newsletter: row.string(0) ?? "", status: status, count: Int(row.int(2) ?? 0))
        }
    }

    func consentActivity(newsletter: String?, from: Date, to: Date) async throws -> [ConsentActivity] {
        try connection.query(Q.consentActivity, [.date(from), .date(to), .optionalText(newsletter)]).compactMap { row in
            guard let action = ConsentAction(rawValue: row.string(2) ?? "") else { return nil }
            return ConsentActivity(
                newsletter: row.string(0) ?? "", day: row.int(1) ?? 0, action: action, count: Int(row.int(3) ?? 0))
        }
    }

    func digestIssueSummaries(newsletter: String, beforeID: Int64?, limit: Int) async throws -> [DigestIssueSummary] {
        try connection.query(
            Q.digestIssueSummaries, [.text(newsletter), .optionalInteger(beforeID), .integer(Int64(limit))]
        )
        .map { row in
            DigestIssueSummary(
                id: row.int(0) ?? 0, newsletter: row.string(1) ?? "", period: row.string(2) ?? "",
                articleCount: Int(row.int(3) ?? 0), createdAt: row.date(4) ?? .distantPast, completedAt: row.date(5))
        }
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

    func pendingDigestItems(newsletter: String, limit: Int) async throws -> [QueuedDigestItem] {
        try connection.query(Q.pendingDigestItems, [.text(newsletter), .integer(Int64(limit))]).map { row in
            QueuedDigestItem(
                id: row.int(0) ?? 0, newsletter: row.string(1) ?? "",
                article: try QueuedArticleCoding.decode(row.string(2) ?? ""), queuedBy: row.string(3) ?? "",
                queuedAt: row.date(4) ?? .distantPast)
        }
    }
}
