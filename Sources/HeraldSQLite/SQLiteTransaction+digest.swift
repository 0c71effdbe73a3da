import Foundation
import HeraldCore

/// Digest issues, deliveries and settings on SQLite.
extension SQLiteTransaction {
    func saveSetting(named name: String, value: String) async throws {
        try connection.query(Q.saveSetting, [.text(name), .text(value)])
    }

    func takeSetting(named name: String) async throws -> String? {
        try connection.query(Q.takeSetting, [.text(name)]).first?.string(0)
    }

    func seenArticleKeys(newsletter: String, language: String, identities: [String], links: [String]) async throws
        -> Set<String>
    {
        var seen = Set<String>()
        for identity in identities
        where try !connection.query(Q.seenArticleByIdentity, [.text(newsletter), .text(language), .text(identity)])
            .isEmpty
        {
            seen.insert(identity)
        }
        for link in links
        where try !connection.query(Q.seenArticleByLink, [.text(newsletter), .text(language), .text(link)]).isEmpty {
            seen.insert(link)
        }
        return seen
    }

    func createDigestIssue(
        newsletter: String, period: String, edition: DigestEdition, articles: [DigestArticle], at time: Date
    ) async throws -> DigestIssue {
        let encoded = try IssueArticleCoding.encode(articles)
        let language = edition.language
        try connection.query(
            Q.insertDigestIssue, [.text(newsletter), .text(period), .text(language), .text(encoded), .date(time)])
        let id = connection.lastInsertRowID
        for article in articles {
            try connection.query(
                Q.rememberSentArticle,
                [
                    .text(newsletter), .text(language), .text(article.identity), .optionalText(article.linkIdentity),
                    .integer(id),
                ])
        }
        let offered = String(decoding: try JSONEncoder().encode(edition.offered), as: UTF8.self)
        try connection.query(
            Q.addDeliveriesForConfirmed,
            [
                .integer(id), .date(time), .text(newsletter), .text(language),
                .integer(edition.takesEveryoneElse ? 1 : 0), .text(offered),
            ])
        return DigestIssue(
            id: id, newsletter: newsletter, period: period, language: language, articles: articles, createdAt: time)
    }

    func confirmedSubscriberCount(newsletter: String) async throws -> Int {
        Int(try connection.query(Q.countConfirmed, [.text(newsletter)]).first?.int(0) ?? 0)
    }

    func confirmedSubscriberCount(newsletter: String, edition: DigestEdition) async throws -> Int {
        let offered = String(decoding: try JSONEncoder().encode(edition.offered), as: UTF8.self)
        let count = try connection.query(
            Q.countConfirmedForEdition,
            [.text(newsletter), .text(edition.language), .integer(edition.takesEveryoneElse ? 1 : 0), .text(offered)]
        ).first?.int(0)
        return Int(count ?? 0)
    }

    func digestIssue(newsletter: String, period: String, language: String) async throws -> DigestIssue? {
        try connection.query(Q.digestIssueByPeriod, [.text(newsletter), .text(period), .text(language)])
            .first.map(DigestIssue.init(stored:))
    }

    func incompleteDigestIssues(newsletter: String) async throws -> [DigestIssue] {
        try connection.query(Q.incompleteDigestIssues, [.text(newsletter)]).map(DigestIssue.init(stored:))
    }

    func claimDigestDeliveries(issueID: Int64, owner: String, now: Date, limit: Int, leaseUntil: Date) async throws
        -> [DigestRecipient]
    {
        let candidates = try connection.query(
            Q.claimableDigestDeliveries, [.text(owner), .integer(issueID), .integer(Int64(limit)), .date(now)])
        guard !candidates.isEmpty else { return [] }
        var claimed: [Int64: (attempts: Int, interrupted: Bool)] = [:]
        for row in candidates {
            guard let id = row.int(0) else { continue }
            claimed[id] = (Int(row.int(2) ?? 0), row.int(1) == 1)
        }
        let idList = "[" + claimed.keys.sorted().map(String.init).joined(separator: ",") + "]"
        try connection.query(
            Q.markDigestDeliveriesClaimed,
            [.text(owner), .date(now), .date(leaseUntil), .integer(issueID), .text(idList)])
        let newsletter =
            try connection.query(Q.digestIssueNewsletter, [.integer(issueID)])
            .first?.string(0) ?? ""
        return try connection.query(Q.claimedRecipients, [.text(newsletter), .text(idList)]).map {
            DigestRecipient(stored: $0, claimed: claimed)
        }
    }

    func startDigestDelivery(issueID: Int64, subscriberID: Int64, owner: String, at time: Date) async throws -> Bool {
        try connection.query(
            Q.startDigestDelivery, [.date(time), .integer(issueID), .integer(subscriberID), .text(owner)])
        return connection.changes == 1
    }

    func settleDigestDelivery(issueID: Int64, subscriberID: Int64, owner: String, outcome: DigestDeliveryOutcome)
        async throws -> Bool
    {
        try connection.query(
            Q.settleDigestDelivery,
            [
                .text(outcome.state.rawValue), .text(outcome.result), .integer(Int64(outcome.attempts)),
                .date(outcome.at), outcome.state == .deferred ? .date(outcome.at) : .null, .integer(issueID),
                .integer(subscriberID), .text(owner),
            ])
        return connection.changes == 1
    }

    func digestDelivery(issueID: Int64, subscriberID: Int64) async throws -> DigestDeliveryRecord? {
        try connection.query(Q.digestDelivery, [.integer(issueID), .integer(subscriberID)]).first
            .flatMap(DigestDeliveryRecord.init(stored:))
    }

    func digestProgress(issueID: Int64, failureLimit: Int) async throws -> DigestProgress {
        let counts = try connection.query(Q.digestDeliveryCounts, [.integer(issueID)])
        let failures = try connection.query(Q.digestFailures, [.integer(issueID), .integer(Int64(failureLimit))])
        return DigestProgress(countRows: counts, failureRows: failures)
    }

    func completeDigestIssue(issueID: Int64, at time: Date) async throws {
        try connection.query(Q.completeDigestIssue, [.date(time), .integer(issueID)])
    }

    func reopenDigestDeliveries(issueID: Int64, at time: Date) async throws -> Int {
        try connection.query(Q.reopenDigestDeliveries, [.date(time), .integer(issueID)])
        let count = connection.changes
        if count > 0 { try connection.query(Q.reopenDigestIssue, [.integer(issueID)]) }
        return count
    }
}
