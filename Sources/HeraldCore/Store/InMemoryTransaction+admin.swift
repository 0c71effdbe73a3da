import Foundation

/// Admin queries of the reference store.
extension InMemoryTransaction {
    func searchSubscribers(_ search: SubscriberSearch) async throws -> [Subscriber] {
        read { state in
            let fragment = search.addressContains?.lowercased()
            return state.subscribers.values
                .filter { subscriber in
                    subscriber.id > search.afterID
                        && (fragment.map { subscriber.canonicalKey.contains($0) } ?? true)
                        && (search.createdFrom.map { subscriber.createdAt >= $0 } ?? true)
                        && (search.createdBefore.map { subscriber.createdAt < $0 } ?? true)
                        && Self.hasMatchingSubscription(subscriber.id, search, state)
                }
                .sorted { $0.id < $1.id }
                .prefix(search.limit)
                .map { $0 }
        }
    }

    private static func hasMatchingSubscription(_ id: Int64, _ search: SubscriberSearch, _ state: InMemoryState) -> Bool
    {
        guard search.status != nil || search.newsletter != nil else { return true }
        return state.subscriptions.values.contains { subscription in
            subscription.subscriberID == id && (search.status.map { subscription.status == $0 } ?? true)
                && (search.newsletter.map { subscription.newsletter == $0 } ?? true)
        }
    }

    func subscriptionCounts() async throws -> [SubscriptionCount] {
        struct Key: Hashable {
            let newsletter: String
            let status: SubscriptionStatus
        }
        return read { state in
            var counts: [Key: Int] = [:]
            for subscription in state.subscriptions.values {
                counts[Key(newsletter: subscription.newsletter, status: subscription.status), default: 0] += 1
            }
            return counts.map {
                SubscriptionCount(newsletter: $0.key.newsletter, status: $0.key.status, count: $0.value)
            }
            .sorted { ($0.newsletter, $0.status.rawValue) < ($1.newsletter, $1.status.rawValue) }
        }
    }

    func digestIssueSummaries(newsletter: String, beforeID: Int64?, limit: Int) async throws -> [DigestIssueSummary] {
        read { state in
            state.digestIssues.values
                .filter { issue in issue.newsletter == newsletter && (beforeID.map { issue.id < $0 } ?? true) }
                .sorted { $0.id > $1.id }
                .prefix(limit)
                .map { issue in
                    DigestIssueSummary(
                        id: issue.id, newsletter: issue.newsletter, period: issue.period, language: issue.language,
                        articleCount: issue.articles.count, createdAt: issue.createdAt, completedAt: issue.completedAt)
                }
        }
    }

    func consentActivity(newsletter: String?, from: Date, to: Date) async throws -> [ConsentActivity] {
        read { state in
            var counts: [String: ConsentActivity] = [:]
            for event in state.consent where event.occurredAt >= from && event.occurredAt < to {
                guard let slug = event.newsletter, newsletter == nil || slug == newsletter else { continue }
                let day = Int64((event.occurredAt.timeIntervalSince1970 * 1000).rounded()) / 86_400_000
                let key = "\(slug)\u{0}\(day)\u{0}\(event.action.rawValue)"
                counts[key, default: ConsentActivity(newsletter: slug, day: day, action: event.action, count: 0)]
                    .count += 1
            }
            return counts.values.sorted {
                ($0.newsletter, $0.day, $0.action.rawValue) < ($1.newsletter, $1.day, $1.action.rawValue)
            }
        }
    }
}
