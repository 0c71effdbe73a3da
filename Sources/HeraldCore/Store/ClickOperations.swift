import Foundation

/// Clicks and filtered hits of one link of one issue within one hour (`hour` is the hour's start).
///
/// This is all `aggregate` tracking keeps: no subscriber, no address, no time finer than the hour.
public struct ClickCount: Sendable, Hashable {
    public var issueID: Int64
    /// The link's position among the issue's articles.
    public var linkIndex: Int
    public var hour: Date
    public var clicks: Int
    /// Hits not counted as clicks: `HEAD` requests, scanner and prefetch user agents, bursts.
    public var filtered: Int

    public init(issueID: Int64, linkIndex: Int, hour: Date, clicks: Int, filtered: Int) {
        self.issueID = issueID
        self.linkIndex = linkIndex
        self.hour = hour
        self.clicks = clicks
        self.filtered = filtered
    }
}

/// One subscriber's first click on one link of one issue (`per_subscriber` tracking only).
public struct SubscriberClick: Sendable, Hashable {
    public var issueID: Int64
    public var subscriberID: Int64
    public var linkIndex: Int
    public var at: Date

    public init(issueID: Int64, subscriberID: Int64, linkIndex: Int, at: Date) {
        self.issueID = issueID
        self.subscriberID = subscriberID
        self.linkIndex = linkIndex
        self.at = at
    }
}

/// What happened around an issue, from the delivery rows, the bounce list and the consent log.
public struct IssueAudience: Sendable, Equatable {
    /// Deliveries by state.
    public var deliveries: [DeliveryState: Int]
    /// Bounces and complaints recorded for the issue's recipients within the window.
    public var bounced: Int
    /// `unsubscribe` consent events for the issue's newsletter within the window.
    public var unsubscribes: Int

    public init(deliveries: [DeliveryState: Int], bounced: Int, unsubscribes: Int) {
        self.deliveries = deliveries
        self.bounced = bounced
        self.unsubscribes = unsubscribes
    }
}

/// Click counters and the figures of an issue's report.
///
/// Contract: `addClickCounts` adds each count to the (issue, link, hour) counter, creating it;
/// counts for an issue that does not exist are dropped. `recordSubscriberClicks` keeps the first
/// click per (issue, subscriber, link) and drops clicks of subscribers or issues that do not exist
/// (an erased subscriber's late click records nothing). Erasing a subscriber deletes their clicks.
public protocol ClickOperations: Sendable {
    /// Adds `counts` to the stored counters.
    func addClickCounts(_ counts: [ClickCount]) async throws
    /// Records subscribers' first clicks.
    func recordSubscriberClicks(_ clicks: [SubscriberClick]) async throws
    /// The counters of `issueID`, ordered by hour, then link.
    func clickCounts(issueID: Int64) async throws -> [ClickCount]
    /// How many different subscribers clicked any link of `issueID` (per-subscriber rows only).
    func clickingSubscriberCount(issueID: Int64) async throws -> Int
    /// The issue with this id, complete or not.
    func digestIssue(id: Int64) async throws -> DigestIssue?
    /// Deliveries of `issue`, and bounces and unsubscribes in `[issue.createdAt, until)`.
    func issueAudience(_ issue: DigestIssue, until: Date) async throws -> IssueAudience
}
