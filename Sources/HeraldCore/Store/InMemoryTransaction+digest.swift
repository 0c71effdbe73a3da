import Foundation

/// Digest operations of the reference store.
extension InMemoryTransaction {
    func saveSetting(named name: String, value: String) async throws {
        write { $0.settings[name] = value }
    }

    func seenArticleKeys(newsletter: String, identities: [String], links: [String]) async throws -> Set<String> {
        read { state in
            let sent = state.sentArticles[newsletter] ?? ([], [])
            return Set(identities.filter(sent.identities.contains)).union(links.filter(sent.links.contains))
        }
    }

    func createDigestIssue(newsletter: String, period: String, articles: [DigestArticle], at time: Date) async throws
        -> DigestIssue
    {
        try write { state in
            guard !state.digestIssues.values.contains(where: { $0.newsletter == newsletter && $0.period == period }) else {
                throw StoreError.duplicate("digest issue \(newsletter)/\(period) exists")
            }
            let issue = DigestIssue(
                id: state.nextIssueID, newsletter: newsletter, period: period, articles: articles, createdAt: time)
            state.nextIssueID += 1
            state.digestIssues[issue.id] = issue
            var sent = state.sentArticles[newsletter] ?? ([], [])
            for article in articles {
                sent.identities.insert(article.identity)
                if let link = article.linkIdentity { sent.links.insert(link) }
            }
            state.sentArticles[newsletter] = sent
            let confirmed = state.subscriptions.values.filter { $0.newsletter == newsletter && $0.status == .confirmed }
            state.deliveries[issue.id] = Dictionary(
                uniqueKeysWithValues: confirmed.map { ($0.subscriberID, InMemoryState.Delivery(state: .pending)) })
            return issue
        }
    }

    func confirmedSubscriberCount(newsletter: String) async throws -> Int {
        read { $0.subscriptions.values.filter { $0.newsletter == newsletter && $0.status == .confirmed }.count }
    }

    func digestIssue(newsletter: String, period: String) async throws -> DigestIssue? {
        read { $0.digestIssues.values.first { $0.newsletter == newsletter && $0.period == period } }
    }

    func incompleteDigestIssues(newsletter: String) async throws -> [DigestIssue] {
        read { state in
            state.digestIssues.values.filter { $0.newsletter == newsletter && $0.completedAt == nil }.sorted { $0.id < $1.id }
        }
    }

    func acquireDigestLease(issueID: Int64, owner: String, until: Date, now: Date) async throws -> Bool {
        write { state in
            if let lease = state.digestLeases[issueID], lease.owner != owner, lease.until >= now { return false }
            guard state.digestIssues[issueID] != nil else { return false }
            state.digestLeases[issueID] = (owner, until)
            return true
        }
    }

    func releaseDigestLease(issueID: Int64, owner: String) async throws {
        write { state in
            if state.digestLeases[issueID]?.owner == owner { state.digestLeases[issueID] = nil }
        }
    }

    func claimDigestDeliveries(issueID: Int64, owner: String, limit: Int) async throws -> [DigestRecipient] {
        write { state in
            guard let issue = state.digestIssues[issueID], var rows = state.deliveries[issueID] else { return [] }
            let claimable = rows.filter { _, row in
                row.state == .pending || ([.deferred, .claimed, .sending].contains(row.state) && row.claimedBy != owner)
            }.keys.sorted().prefix(limit)
            let recipients = claimable.compactMap { id -> DigestRecipient? in
                guard let subscriber = state.subscribers[id] else { return nil }
                let interrupted = rows[id]?.state == .sending
                rows[id] = InMemoryState.Delivery(state: .claimed, claimedBy: owner)
                let status = state.subscriptions[.init(subscriberID: id, newsletter: issue.newsletter)]?.status
                return DigestRecipient(subscriber: subscriber, status: status, resumedAfterInterruption: interrupted)
            }
            state.deliveries[issueID] = rows
            return recipients
        }
    }

    func recordDigestDelivery(issueID: Int64, subscriberID: Int64, state deliveryState: DeliveryState, result: String?,
        at time: Date) async throws
    {
        write { state in
            state.deliveries[issueID]?[subscriberID]?.state = deliveryState
            state.deliveries[issueID]?[subscriberID]?.result = result
        }
    }

    func digestProgress(issueID: Int64, failureLimit: Int) async throws -> DigestProgress {
        read { state in
            let rows = state.deliveries[issueID] ?? [:]
            var counts: [DeliveryState: Int] = [:]
            for row in rows.values { counts[row.state, default: 0] += 1 }
            let failures = rows.filter { $0.value.state == .failed || $0.value.state == .deferred }
                .sorted { $0.key < $1.key }.prefix(failureLimit).map { (subscriberID: $0.key, result: $0.value.result ?? "") }
            return DigestProgress(counts: counts, failures: Array(failures))
        }
    }

    func completeDigestIssue(issueID: Int64, at time: Date) async throws {
        write { state in
            state.digestIssues[issueID]?.completedAt = time
            state.digestLeases[issueID] = nil
        }
    }
}
