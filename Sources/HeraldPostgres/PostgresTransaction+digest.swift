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

    func confirmedSubscriberCount(newsletter: String, edition: DigestEdition) async throws -> Int {
        let rows = try await run(
            Q.countConfirmedForEdition,
            [.text(newsletter), .text(edition.language), .bool(edition.takesEveryoneElse), .texts(edition.offered)])
        return Int(rows.first?.int(0) ?? 0)
    }

    func digestIssue(newsletter: String, period: String, language: String) async throws -> DigestIssue? {
        try await run(Q.digestIssueByPeriod, [.text(newsletter), .text(period), .text(language)]).first.map(
            DigestIssue.init(stored:))
    }

    func incompleteDigestIssues(newsletter: String) async throws -> [DigestIssue] {
        try await run(Q.incompleteDigestIssues, [.text(newsletter)]).map(DigestIssue.init(stored:))
    }

    func claimDigestDeliveries(issueID: Int64, owner: String, now: Date, limit: Int, leaseUntil: Date) async throws
        -> [DigestRecipient]
    {
        let rows = try await run(
            Q.claimDigestDeliveries,
            [.text(owner), .integer(issueID), .integer(Int64(limit)), .date(now), .date(leaseUntil)])
        guard !rows.isEmpty else { return [] }
        var claimed: [Int64: (attempts: Int, interrupted: Bool)] = [:]
        for row in rows {
            guard let id = row.int(0) else { continue }
            claimed[id] = (Int(row.int(2) ?? 0), row.bool(1) == true)
        }
        return try await run(Q.claimedRecipients, [.integer(issueID), .integers(claimed.keys.sorted())]).map {
            DigestRecipient(stored: $0, claimed: claimed)
        }
    }

    func startDigestDelivery(issueID: Int64, subscriberID: Int64, owner: String, at time: Date) async throws -> Bool {
        try await run(
            Q.startDigestDelivery, [.date(time), .integer(issueID), .integer(subscriberID), .text(owner)]
        ).count == 1
    }

    func settleDigestDelivery(issueID: Int64, subscriberID: Int64, owner: String, outcome: DigestDeliveryOutcome)
        async throws -> Bool
    {
        try await run(
            Q.settleDigestDelivery,
            [
                .text(outcome.state.rawValue), .text(outcome.result), .integer(Int64(outcome.attempts)),
                .date(outcome.at), outcome.state == .deferred ? .date(outcome.at) : .null, .integer(issueID),
                .integer(subscriberID), .text(owner),
            ]
        ).count == 1
    }

    func digestDelivery(issueID: Int64, subscriberID: Int64) async throws -> DigestDeliveryRecord? {
        try await run(Q.digestDelivery, [.integer(issueID), .integer(subscriberID)]).first
            .flatMap(DigestDeliveryRecord.init(stored:))
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
