import Foundation
import HeraldCore

/// Digest issues, deliveries and settings on SQLite.
extension SQLiteTransaction {
    func saveSetting(named name: String, value: String) async throws {
        try connection.query(Q.saveSetting, [.text(name), .text(value)])
    }

    func seenArticleKeys(newsletter: String, identities: [String], links: [String]) async throws -> Set<String> {
        var seen = Set<String>()
        for identity in identities
        where try !connection.query(Q.seenArticleByIdentity, [.text(newsletter), .text(identity)]).isEmpty {
            seen.insert(identity)
        }
        for link in links where try !connection.query(Q.seenArticleByLink, [.text(newsletter), .text(link)]).isEmpty {
            seen.insert(link)
        }
        return seen
    }

    func createDigestIssue(newsletter: String, period: String, articles: [DigestArticle], at time: Date) async throws
        -> DigestIssue
    {
        let encoded = String(decoding: try JSONEncoder.digest.encode(articles), as: UTF8.self)
        try connection.query(Q.insertDigestIssue, [.text(newsletter), .text(period), .text(encoded), .date(time)])
        let id = connection.lastInsertRowID
        for article in articles {
            try connection.query(Q.rememberSentArticle, [
                .text(newsletter), .text(article.identity), .optionalText(article.linkIdentity), .integer(id),
            ])
        }
        try connection.query(Q.addDeliveriesForConfirmed, [.integer(id), .date(time), .text(newsletter)])
        return DigestIssue(id: id, newsletter: newsletter, period: period, articles: articles, createdAt: time)
    }

    func confirmedSubscriberCount(newsletter: String) async throws -> Int {
        Int(try connection.query(Q.countConfirmed, [.text(newsletter)]).first?.int(0) ?? 0)
    }

    func digestIssue(newsletter: String, period: String) async throws -> DigestIssue? {
        try connection.query(Q.digestIssueByPeriod, [.text(newsletter), .text(period)]).first.map(Self.issue(from:))
    }

    func incompleteDigestIssues(newsletter: String) async throws -> [DigestIssue] {
        try connection.query(Q.incompleteDigestIssues, [.text(newsletter)]).map(Self.issue(from:))
    }

    private static func issue(from row: SQLiteRow) -> DigestIssue {
        let articles = (try? JSONDecoder.digest.decode([DigestArticle].self, from: Data((row.string(3) ?? "[]").utf8))) ?? []
        return DigestIssue(
            id: row.int(0) ?? 0, newsletter: row.string(1) ?? "", period: row.string(2) ?? "", articles: articles,
            createdAt: row.date(4) ?? .distantPast, completedAt: row.date(5))
    }

    func claimDigestDeliveries(issueID: Int64, _ claim: DigestClaim) async throws -> [DigestRecipient] {
        let candidates = try connection.query(
            Q.claimableDigestDeliveries,
            [
                .text(claim.owner), .integer(issueID), .integer(Int64(claim.limit)), .date(claim.abandonedBefore),
                .date(claim.deferredBefore),
            ])
        guard !candidates.isEmpty else { return [] }
        let ids = candidates.compactMap { $0.int(0) }
        let interrupted = Set(candidates.filter { $0.int(1) == 1 }.compactMap { $0.int(0) })
        let idList = "[" + ids.map(String.init).joined(separator: ",") + "]"
        try connection.query(
            Q.markDigestDeliveriesClaimed, [.text(claim.owner), .date(claim.time), .integer(issueID), .text(idList)])
        let newsletter = try connection.query(Q.digestIssueNewsletter, [.integer(issueID)])
            .first?.string(0) ?? ""
        return try connection.query(Q.claimedRecipients, [.text(newsletter), .text(idList)]).map { row in
            let subscriber = Subscriber(
                id: row.int(0) ?? 0, email: row.string(1) ?? "", smtpAddress: row.string(2) ?? "",
                canonicalKey: row.string(3) ?? "", name: row.string(4), attributesJSON: row.string(5) ?? "{}",
                createdAt: row.date(6) ?? .distantPast, updatedAt: row.date(7) ?? .distantPast)
            return DigestRecipient(
                subscriber: subscriber, status: row.string(8).flatMap(SubscriptionStatus.init(rawValue:)),
                resumedAfterInterruption: interrupted.contains(subscriber.id))
        }
    }

    func renewDigestClaims(issueID: Int64, owner: String, at time: Date) async throws {
        try connection.query(Q.renewDigestClaims, [.date(time), .integer(issueID), .text(owner)])
    }

    func startDigestDelivery(issueID: Int64, subscriberID: Int64, owner: String, at time: Date) async throws -> Bool {
        try connection.query(
            Q.startDigestDelivery, [.date(time), .integer(issueID), .integer(subscriberID), .text(owner)])
        return connection.changes == 1
    }

    func recordDigestDelivery(issueID: Int64, subscriberID: Int64, state: DeliveryState, result: String?, at time: Date)
        async throws
    {
        try connection.query(Q.recordDigestDelivery, [
            .text(state.rawValue), .optionalText(result), .date(time), .integer(issueID), .integer(subscriberID),
        ])
    }

    func digestProgress(issueID: Int64, failureLimit: Int) async throws -> DigestProgress {
        var counts: [DeliveryState: Int] = [:]
        for row in try connection.query(Q.digestDeliveryCounts, [.integer(issueID)]) {
            if let state = DeliveryState(rawValue: row.string(0) ?? "") { counts[state] = Int(row.int(1) ?? 0) }
        }
        let failures = try connection.query(Q.digestFailures, [.integer(issueID), .integer(Int64(failureLimit))]).map {
            (subscriberID: $0.int(0) ?? 0, result: $0.string(1) ?? "")
        }
        return DigestProgress(counts: counts, failures: failures)
    }

    func completeDigestIssue(issueID: Int64, at time: Date) async throws {
        try connection.query(Q.completeDigestIssue, [.date(time), .integer(issueID)])
    }
}

extension JSONEncoder {
    /// Encoder for stored digest articles (dates as seconds since 1970).
    static var digest: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}

extension JSONDecoder {
    static var digest: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }
}
