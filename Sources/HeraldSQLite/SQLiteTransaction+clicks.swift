import Foundation
import HeraldCore

/// Click counters and issue reports on SQLite.
extension SQLiteTransaction {
    func addClickCounts(_ counts: [ClickCount]) async throws {
        for count in counts {
            try connection.query(
                Q.addClickCount,
                [
                    .integer(count.issueID), .integer(Int64(count.linkIndex)), .date(count.hour),
                    .integer(Int64(count.clicks)), .integer(Int64(count.filtered)),
                ])
        }
    }

    func recordSubscriberClicks(_ clicks: [SubscriberClick]) async throws {
        for click in clicks {
            try connection.query(
                Q.recordSubscriberClick,
                [
                    .integer(click.issueID), .integer(click.subscriberID), .integer(Int64(click.linkIndex)),
                    .date(click.at),
                ])
        }
    }

    func clickCounts(issueID: Int64) async throws -> [ClickCount] {
        try connection.query(Q.clickCountsOfIssue, [.integer(issueID)]).map(ClickCount.init(stored:))
    }

    func clickingSubscriberCount(issueID: Int64) async throws -> Int {
        Int(try connection.query(Q.clickingSubscriberCount, [.integer(issueID)]).first?.int(0) ?? 0)
    }

    func digestIssue(id: Int64) async throws -> DigestIssue? {
        try connection.query(Q.digestIssueByID, [.integer(id)]).first.map(DigestIssue.init(stored:))
    }

    func issueAudience(_ issue: DigestIssue, until: Date) async throws -> IssueAudience {
        var deliveries: [DeliveryState: Int] = [:]
        for row in try connection.query(Q.deliveryStatesOfIssue, [.integer(issue.id)]) {
            if let state = row.string(0).flatMap(DeliveryState.init(rawValue:)) {
                deliveries[state] = Int(row.int(1) ?? 0)
            }
        }
        let bounced = try connection.query(
            Q.bouncesOfIssueRecipients, [.integer(issue.id), .date(issue.createdAt), .date(until)])
        let unsubscribes = try connection.query(
            Q.unsubscribesBetween, [.text(issue.newsletter), .date(issue.createdAt), .date(until)])
        return IssueAudience(
            deliveries: deliveries, bounced: Int(bounced.first?.int(0) ?? 0),
            unsubscribes: Int(unsubscribes.first?.int(0) ?? 0))
    }
}
