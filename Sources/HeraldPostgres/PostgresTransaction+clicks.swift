import Foundation
import HeraldCore

/// Click counters and issue reports on PostgreSQL.
extension PostgresTransaction {
    func addClickCounts(_ counts: [ClickCount]) async throws {
        for count in counts {
            try await run(
                Q.addClickCount,
                [
                    .integer(count.issueID), .integer(Int64(count.linkIndex)), .date(count.hour),
                    .integer(Int64(count.clicks)), .integer(Int64(count.filtered)),
                ])
        }
    }

    func recordSubscriberClicks(_ clicks: [SubscriberClick]) async throws {
        for click in clicks {
            try await run(
                Q.recordSubscriberClick,
                [
                    .integer(click.issueID), .integer(click.subscriberID), .integer(Int64(click.linkIndex)),
                    .date(click.at),
                ])
        }
    }

    func clickCounts(issueID: Int64) async throws -> [ClickCount] {
        try await run(Q.clickCountsOfIssue, [.integer(issueID)]).map(ClickCount.init(stored:))
    }

    func clickingSubscriberCount(issueID: Int64) async throws -> Int {
        Int(try await run(Q.clickingSubscriberCount, [.integer(issueID)]).first?.int(0) ?? 0)
    }

    func digestIssue(id: Int64) async throws -> DigestIssue? {
        try await run(Q.digestIssueByID, [.integer(id)]).first.map(DigestIssue.init(stored:))
    }

    func issueAudience(_ issue: DigestIssue, until: Date) async throws -> IssueAudience {
        var deliveries: [DeliveryState: Int] = [:]
        for row in try await run(Q.deliveryStatesOfIssue, [.integer(issue.id)]) {
            if let state = row.string(0).flatMap(DeliveryState.init(rawValue:)) {
                deliveries[state] = Int(row.int(1) ?? 0)
            }
        }
        let bounced = try await run(
            Q.bouncesOfIssueRecipients, [.integer(issue.id), .date(issue.createdAt), .date(until)])
        let unsubscribes = try await run(
            Q.unsubscribesBetween, [.text(issue.newsletter), .date(issue.createdAt), .date(until)])
        return IssueAudience(
            deliveries: deliveries, bounced: Int(bounced.first?.int(0) ?? 0),
            unsubscribes: Int(unsubscribes.first?.int(0) ?? 0))
    }
}
