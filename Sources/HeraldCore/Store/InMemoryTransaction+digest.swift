import Foundation

/// Digest operations of the reference store.
extension InMemoryTransaction {
    func saveSetting(named name: String, value: String) async throws {
        write { $0.settings[name] = value }
    }

    func takeSetting(named name: String) async throws -> String? {
        write { $0.settings.removeValue(forKey: name) }
    }

    func seenArticleKeys(newsletter: String, language: String, identities: [String], links: [String]) async throws
        -> Set<String>
    {
        read { state in
            let sent = state.sentArticles[InMemoryState.Edition(newsletter, language)] ?? ([], [])
            return Set(identities.filter(sent.identities.contains)).union(links.filter(sent.links.contains))
        }
    }

    func createDigestIssue(
        newsletter: String, period: String, edition: DigestEdition, articles: [DigestArticle], at time: Date
    ) async throws -> DigestIssue {
        try write { state in
            guard
                !state.digestIssues.values.contains(where: {
                    $0.newsletter == newsletter && $0.period == period && $0.language == edition.language
                })
            else {
                throw StoreError.duplicate("digest issue \(newsletter)/\(period)/\(edition.language) exists")
            }
            let issue = DigestIssue(
                id: state.nextIssueID, newsletter: newsletter, period: period, language: edition.language,
                articles: articles, createdAt: time)
            state.nextIssueID += 1
            state.digestIssues[issue.id] = issue
            let key = InMemoryState.Edition(newsletter, edition.language)
            var sent = state.sentArticles[key] ?? ([], [])
            for article in articles {
                sent.identities.insert(article.identity)
                if let link = article.linkIdentity { sent.links.insert(link) }
            }
            state.sentArticles[key] = sent
            let confirmed = state.subscriptions.values.filter {
                $0.newsletter == newsletter && $0.status == .confirmed
                    && edition.includes(subscriberLanguage: state.subscriberLanguage($0.subscriberID))
            }
            state.deliveries[issue.id] = Dictionary(
                uniqueKeysWithValues: confirmed.map {
                    ($0.subscriberID, InMemoryState.Delivery(state: .pending, updatedAt: time))
                })
            return issue
        }
    }

    func confirmedSubscriberCount(newsletter: String) async throws -> Int {
        read { $0.subscriptions.values.filter { $0.newsletter == newsletter && $0.status == .confirmed }.count }
    }

    func confirmedSubscriberCount(newsletter: String, edition: DigestEdition) async throws -> Int {
        read { state in
            state.subscriptions.values.filter {
                $0.newsletter == newsletter && $0.status == .confirmed
                    && edition.includes(subscriberLanguage: state.subscribers[$0.subscriberID]?.language)
            }.count
        }
    }

    func digestIssue(newsletter: String, period: String, language: String) async throws -> DigestIssue? {
        read {
            $0.digestIssues.values.first {
                $0.newsletter == newsletter && $0.period == period && $0.language == language
            }
        }
    }

    func incompleteDigestIssues(newsletter: String) async throws -> [DigestIssue] {
        read { state in
            state.digestIssues.values.filter { $0.newsletter == newsletter && $0.completedAt == nil }.sorted {
                $0.id < $1.id
            }
        }
    }

    func claimDigestDeliveries(issueID: Int64, owner: String, now: Date, limit: Int, leaseUntil: Date) async throws
        -> [DigestRecipient]
    {
        write { state in
            guard let issue = state.digestIssues[issueID], var rows = state.deliveries[issueID] else { return [] }
            let claimable = rows.filter { Self.isClaimable($0.value, by: owner, at: now) }.keys.sorted().prefix(limit)
            let recipients = claimable.compactMap { id -> DigestRecipient? in
                guard let subscriber = state.subscribers[id], let row = rows[id] else { return nil }
                rows[id] = InMemoryState.Delivery(
                    state: .claimed, claimedBy: owner, result: row.result, updatedAt: now, attempts: row.attempts,
                    nextAttemptAt: leaseUntil)
                let status = state.subscriptions[.init(subscriberID: id, newsletter: issue.newsletter)]?.status
                return DigestRecipient(
                    subscriber: subscriber, status: status, resumedAfterInterruption: row.state == .sending,
                    attempts: row.attempts)
            }
            state.deliveries[issueID] = rows
            return recipients
        }
    }

    private static func isClaimable(_ row: InMemoryState.Delivery, by owner: String, at now: Date) -> Bool {
        let due = (row.nextAttemptAt ?? .distantPast) <= now
        switch row.state {
        case .pending: return true
        case .claimed, .sending: return due
        case .deferred: return due && row.claimedBy != owner
        case .sent, .failed, .skipped: return false
        }
    }

    func startDigestDelivery(issueID: Int64, subscriberID: Int64, owner: String, at time: Date) async throws -> Bool {
        write { state in
            guard let row = state.deliveries[issueID]?[subscriberID], row.state == .claimed, row.claimedBy == owner
            else { return false }
            state.deliveries[issueID]?[subscriberID]?.state = .sending
            state.deliveries[issueID]?[subscriberID]?.updatedAt = time
            return true
        }
    }

    func settleDigestDelivery(issueID: Int64, subscriberID: Int64, owner: String, outcome: DigestDeliveryOutcome)
        async throws -> Bool
    {
        write { state in
            guard var row = state.deliveries[issueID]?[subscriberID], row.claimedBy == owner,
                row.state == .claimed || row.state == .sending
            else { return false }
            row.state = outcome.state
            row.result = outcome.result
            row.attempts = outcome.attempts
            row.updatedAt = outcome.at
            row.nextAttemptAt = outcome.state == .deferred ? outcome.at : nil
            state.deliveries[issueID]?[subscriberID] = row
            return true
        }
    }

    func digestDelivery(issueID: Int64, subscriberID: Int64) async throws -> DigestDeliveryRecord? {
        read { state in
            state.deliveries[issueID]?[subscriberID].map {
                DigestDeliveryRecord(
                    state: $0.state, owner: $0.claimedBy, attempts: $0.attempts, nextAttemptAt: $0.nextAttemptAt,
                    result: $0.result)
            }
        }
    }

    /// Extends the leases `owner` holds on its `claimed`/`sending` rows among `ids` (subscriber ids).
    func renewDigestLeases(ids: [Int64], owner: String, until: Date) -> Set<Int64> {
        write { state in
            var kept = Set<Int64>()
            for (issueID, rows) in state.deliveries {
                for id in ids {
                    guard let row = rows[id], row.claimedBy == owner, row.state == .claimed || row.state == .sending
                    else { continue }
                    state.deliveries[issueID]?[id]?.nextAttemptAt = until
                    kept.insert(id)
                }
            }
            return kept
        }
    }

    func digestProgress(issueID: Int64, failureLimit: Int) async throws -> DigestProgress {
        read { state in
            let rows = state.deliveries[issueID] ?? [:]
            var counts: [DeliveryState: Int] = [:]
            for row in rows.values { counts[row.state, default: 0] += 1 }
            let failures = rows.filter { $0.value.state == .failed || $0.value.state == .deferred }
                .sorted { $0.key < $1.key }.prefix(failureLimit).map {
                    (subscriberID: $0.key, result: $0.value.result ?? "")
                }
            return DigestProgress(counts: counts, failures: Array(failures))
        }
    }

    func reopenDigestDeliveries(issueID: Int64, at time: Date) async throws -> Int {
        write { state in
            var count = 0
            for (id, row) in state.deliveries[issueID] ?? [:] where row.state == .failed || row.state == .deferred {
                state.deliveries[issueID]?[id] = InMemoryState.Delivery(
                    state: .pending, claimedBy: nil, result: nil, updatedAt: time, attempts: 0, nextAttemptAt: nil)
                count += 1
            }
            if count > 0 { state.digestIssues[issueID]?.completedAt = nil }
            return count
        }
    }

    func completeDigestIssue(issueID: Int64, at time: Date) async throws {
        write { state in
            if state.digestIssues[issueID]?.completedAt == nil { state.digestIssues[issueID]?.completedAt = time }
        }
    }
}
