import Foundation

/// Click counters of the reference store.
extension InMemoryTransaction {
    func addClickCounts(_ counts: [ClickCount]) async throws {
        write { state in
            for count in counts where state.digestIssues[count.issueID] != nil {
                let key = InMemoryState.ClickKey(issueID: count.issueID, linkIndex: count.linkIndex, hour: count.hour)
                var stored = state.clickCounts[key] ?? (0, 0)
                stored.clicks += count.clicks
                stored.filtered += count.filtered
                state.clickCounts[key] = stored
            }
        }
    }

    func recordSubscriberClicks(_ clicks: [SubscriberClick]) async throws {
        write { state in
            for click in clicks
            where state.digestIssues[click.issueID] != nil && state.subscribers[click.subscriberID] != nil {
                let key = InMemoryState.SubscriberClickKey(
                    issueID: click.issueID, subscriberID: click.subscriberID, linkIndex: click.linkIndex)
                if state.subscriberClicks[key] == nil { state.subscriberClicks[key] = click.at }
            }
        }
    }

    func clickCounts(issueID: Int64) async throws -> [ClickCount] {
        read { state in
            state.clickCounts.filter { $0.key.issueID == issueID }
                .map {
                    ClickCount(
                        issueID: issueID, linkIndex: $0.key.linkIndex, hour: $0.key.hour, clicks: $0.value.clicks,
                        filtered: $0.value.filtered)
                }
                .sorted { ($0.hour, $0.linkIndex) < ($1.hour, $1.linkIndex) }
        }
    }

    func clickingSubscriberCount(issueID: Int64) async throws -> Int {
        read { state in Set(state.subscriberClicks.keys.filter { $0.issueID == issueID }.map(\.subscriberID)).count }
    }

    func digestIssue(id: Int64) async throws -> DigestIssue? {
        read { $0.digestIssues[id] }
    }

    func issueAudience(_ issue: DigestIssue, until: Date) async throws -> IssueAudience {
        read { state in
            let rows = state.deliveries[issue.id] ?? [:]
            var deliveries: [DeliveryState: Int] = [:]
            for row in rows.values { deliveries[row.state, default: 0] += 1 }
            let window = issue.createdAt..<until
            let bounced = state.bounces.count {
                $0.subscriberID.map { rows[$0] != nil } == true && window.contains($0.occurredAt)
            }
            let unsubscribes = state.consent.count {
                $0.newsletter == issue.newsletter && $0.action == .unsubscribe && window.contains($0.occurredAt)
            }
            return IssueAudience(deliveries: deliveries, bounced: bounced, unsubscribes: unsubscribes)
        }
    }
}
