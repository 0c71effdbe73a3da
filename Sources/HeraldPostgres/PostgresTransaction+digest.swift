import Foundation
import HeraldCore

/// Digest issues, deliveries and their claims on PostgreSQL.
extension PostgresTransaction {
    func seenArticleKeys(newsletter: String, language: String, identities: [String], links: [String]) async throws
        -> Set<String>
    {
        var seen = Set<String>()
        if !identities.isEmpty {
            for row in try await run(Q.seenArticleIdentities, [.text(newsletter), .text(language), .texts(identities)])
            {
                if let identity = row.string(0) { seen.insert(identity) }
            }
        }
        if !links.isEmpty {
            for row in try await run(Q.seenArticleLinks, [.text(newsletter), .text(language), .texts(links)]) {
                if let link = row.string(0) { seen.insert(link) }
            }
        }
        return seen
    }

    func createDigestIssue(
        newsletter: String, period: String, edition: DigestEdition, articles: [DigestArticle], at time: Date
    ) async throws -> DigestIssue {
        let encoded = try IssueArticleCoding.encode(articles)
        let language = edition.language
        let inserted = try await run(
            Q.insertDigestIssue, [.text(newsletter), .text(period), .text(language), .text(encoded), .date(time)])
        guard let id = inserted.first?.int(0) else {
            throw StoreError.duplicate("digest issue \(newsletter)/\(period)/\(language) exists")
        }
        for article in articles {
            try await run(
                Q.rememberSentArticle,
                [
                    .text(newsletter), .text(language), .text(article.identity), .optionalText(article.linkIdentity),
                    .integer(id),
                ])
        }
        try await run(
            Q.addDeliveriesForConfirmed,
            [
                .integer(id), .date(time), .text(newsletter), .text(language), .bool(edition.takesEveryoneElse),
                .texts(edition.offered),
            ])
        return DigestIssue(
            id: id, newsletter: newsletter, period: period, language: language, articles: articles, createdAt: time)
    }

    func confirmedSubscriberCount(newsletter: String) async throws -> Int {
        Int(try await run(Q.countConfirmed, [.text(newsletter)]).first?.int(0) ?? 0)
    }

    func digestIssue(newsletter: String, period: String, language: String) async throws -> DigestIssue? {
        try await run(Q.digestIssueByPeriod, [.text(newsletter), .text(period), .text(language)]).first.map(
            DigestIssue.init(stored:))
    }

    func incompleteDigestIssues(newsletter: String) async throws -> [DigestIssue] {
        try await run(Q.incompleteDigestIssues, [.text(newsletter)]).map(DigestIssue.init(stored:))
    }

    func claimDigestDeliveries(issueID: Int64, _ claim: DigestClaim) async throws -> [DigestRecipient] {
        let claimed = try await run(
            Q.claimDigestDeliveries,
            [
                .text(claim.owner), .integer(issueID), .integer(Int64(claim.limit)), .date(claim.abandonedBefore),
                .date(claim.deferredBefore), .date(claim.time),
            ])
        guard !claimed.isEmpty else { return [] }
        let ids = claimed.compactMap { $0.int(0) }
        let interrupted = Set(claimed.filter { $0.bool(1) == true }.compactMap { $0.int(0) })
        return try await run(Q.claimedRecipients, [.integer(issueID), .integers(ids)]).map {
            DigestRecipient(stored: $0, interruptedIDs: interrupted)
        }
    }

    func renewDigestClaims(issueID: Int64, owner: String, at time: Date) async throws {
        try await run(Q.renewDigestClaims, [.date(time), .integer(issueID), .text(owner)])
    }

    func startDigestDelivery(issueID: Int64, subscriberID: Int64, owner: String, at time: Date) async throws -> Bool {
        try await run(
            Q.startDigestDelivery, [.date(time), .integer(issueID), .integer(subscriberID), .text(owner)]
        ).count == 1
    }

    func recordDigestDelivery(issueID: Int64, subscriberID: Int64, state: DeliveryState, result: String?, at time: Date)
        async throws
    {
        try await run(
            Q.recordDigestDelivery,
            [
                .text(state.rawValue), .optionalText(result), .date(time), .integer(issueID), .integer(subscriberID),
            ])
    }

    func digestProgress(issueID: Int64, failureLimit: Int) async throws -> DigestProgress {
        let counts = try await run(Q.digestDeliveryCounts, [.integer(issueID)])
        let failures = try await run(Q.digestFailures, [.integer(issueID), .integer(Int64(failureLimit))])
        return DigestProgress(countRows: counts, failureRows: failures)
    }

    func completeDigestIssue(issueID: Int64, at time: Date) async throws {
        try await run(Q.completeDigestIssue, [.date(time), .integer(issueID)])
    }

    func reopenDigestDeliveries(issueID: Int64, at time: Date) async throws -> Int {
        let count = try await run(Q.reopenDigestDeliveries, [.date(time), .integer(issueID)]).count
        if count > 0 { _ = try await run(Q.reopenDigestIssue, [.integer(issueID)]) }
        return count
    }
}
