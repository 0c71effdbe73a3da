import Foundation

// Digest values from stored rows. Each initialiser documents the columns it reads, in order; both
// SQL backends select exactly those columns for it.

extension DigestIssue {
    /// Reads id, newsletter, period, articles (as `IssueArticleCoding` writes them), created_at,
    /// completed_at, language.
    package init(stored row: some StoredRow) {
        self.init(
            id: row.int(0) ?? 0, newsletter: row.string(1) ?? "", period: row.string(2) ?? "",
            language: row.string(6) ?? "", articles: IssueArticleCoding.decode(row.string(3)),
            createdAt: row.date(4) ?? .distantPast,
            completedAt: row.date(5))
    }
}

extension DigestIssueSummary {
    /// Reads id, newsletter, period, article count, created_at, completed_at, language.
    package init(stored row: some StoredRow) {
        self.init(
            id: row.int(0) ?? 0, newsletter: row.string(1) ?? "", period: row.string(2) ?? "",
            language: row.string(6) ?? "", articleCount: Int(row.int(3) ?? 0), createdAt: row.date(4) ?? .distantPast,
            completedAt: row.date(5))
    }
}

extension QueuedDigestItem {
    /// Reads id, newsletter, article (as `QueuedArticleCoding` writes it), queued_by, queued_at;
    /// `.corrupt` when the article cannot be read.
    package init(stored row: some StoredRow) throws {
        self.init(
            id: row.int(0) ?? 0, newsletter: row.string(1) ?? "",
            article: try QueuedArticleCoding.decode(row.string(2) ?? ""), queuedBy: row.string(3) ?? "",
            queuedAt: row.date(4) ?? .distantPast)
    }
}

extension DigestRecipient {
    /// Reads the subscriber columns (see `Subscriber.init(stored:)`) followed by the subscription
    /// status; `claimed` gives, per subscriber id, the delivery's attempts and whether it was left `sending`.
    package init(stored row: some StoredRow, claimed: [Int64: (attempts: Int, interrupted: Bool)]) {
        let subscriber = Subscriber(stored: row)
        let delivery = claimed[subscriber.id]
        self.init(
            subscriber: subscriber, status: row.string(9).flatMap(SubscriptionStatus.init(rawValue:)),
            resumedAfterInterruption: delivery?.interrupted ?? false, attempts: delivery?.attempts ?? 0)
    }
}

extension DigestProgress {
    /// Reads (state, count) rows as the counts and (subscriber_id, result) rows as the failures.
    package init(countRows: some Sequence<some StoredRow>, failureRows: some Sequence<some StoredRow>) {
        self.init(
            counts: countRows.countsByState(),
            failures: failureRows.map { (subscriberID: $0.int(0) ?? 0, result: $0.string(1) ?? "") })
    }
}

/// How a digest issue's articles are stored: one JSON array, dates as seconds since 1970, keys sorted.
package enum IssueArticleCoding {
    /// The articles as the stored JSON text.
    package static func encode(_ articles: [DigestArticle]) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(articles), as: UTF8.self)
    }

    /// The articles stored as `text`; none when the column is NULL or does not hold an article list.
    package static func decode(_ text: String?) -> [DigestArticle] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return (try? decoder.decode([DigestArticle].self, from: Data((text ?? "[]").utf8))) ?? []
    }
}

extension DigestDeliveryRecord {
    /// Reads (state, claimed_by, attempts, next_attempt_at, result).
    package init?(stored row: some StoredRow) {
        guard let state = row.string(0).flatMap(DeliveryState.init(rawValue:)) else { return nil }
        self.init(
            state: state, owner: row.string(1), attempts: Int(row.int(2) ?? 0), nextAttemptAt: row.date(3),
            result: row.string(4))
    }
}
