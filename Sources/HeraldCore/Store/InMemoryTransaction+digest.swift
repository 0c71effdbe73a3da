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

    func claimDigestDeliveries(issueID: Int64, _ claim: DigestClaim) async throws -> [DigestRecipient] {
        write { state in
            guard let issue = state.digestIssues[issueID], var rows = state.deliveries[issueID] else { return [] }
            let claimable = rows.filter { Self.isClaimable($0.value, by: claim) }.keys.sorted().prefix(claim.limit)
            let recipients = claimable.compactMap { id -> DigestRecipient? in
                guard let subscriber = state.subscribers[id] else { return nil }
                let interrupted = rows[id]?.state == .sending
                rows[id] = InMemoryState.Delivery(state: .claimed, claimedBy: claim.owner, updatedAt: claim.time)
                let status = state.subscriptions[.init(subscriberID: id, newsletter: issue.newsletter)]?.status
                return DigestRecipient(subscriber: subscriber, status: status, resumedAfterInterruption: interrupted)
            }
            state.deliveries[issueID] = rows
            return recipients
        }
    }

    private static func isClaimable(_ row: InMemoryState.Delivery, by claim: DigestClaim) -> Bool {
        let otherOwner = row.claimedBy != claim.owner
        switch row.state {
        case .pending: return true
        case .claimed, .sending: return otherOwner && row.updatedAt < claim.abandonedBefore
        case .deferred: return otherOwner && row.updatedAt < claim.deferredBefore
        case .sent, .failed, .skipped: return false
        }
    }

    func renewDigestClaims(issueID: Int64, owner: String, at time: Date) async throws {
        write { state in
            for (id, row) in state.deliveries[issueID] ?? [:]
            where row.claimedBy == owner && (row.state == .claimed || row.state == .sending) {
                state.deliveries[issueID]?[id]?.updatedAt = time
            }
        }
    }

    func startDigestDelivery(issueID: Int64, subscriberID: Int64, owner: String, at time: Date) async throws -> Bool {
        write { state in
            guard let row = state.deliveries[issueID]?[subscriberID], row.state == .claimed, row.claimedBy == owner
            else { return false }
            state.deliveries[issueID]?[subscriberID] = InMemoryState.Delivery(
                state: .sending, claimedBy: owner, updatedAt: time)
            return true
        }
    }

    func recordDigestDelivery(
        issueID: Int64, subscriberID: Int64, state deliveryState: DeliveryState, result: String?,
        at time: Date
    ) async throws {
        write { state in
            state.deliveries[issueID]?[subscriberID]?.state = deliveryState
            state.deliveries[issueID]?[subscriberID]?.result = result
            state.deliveries[issueID]?[subscriberID]?.updatedAt = time
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
                    state: .pending, claimedBy: nil, result: nil, updatedAt: time)
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
