import Foundation
import HeraldCore
import HeraldTestSupport
import Logging
import Testing

/// The read-only services controllers and commands read through (no transaction outside Core):
/// each answers from the store as it is, in one transaction.
@Suite("Store reports")
struct StoreReportsTests {
    let store = InMemoryStore()

    /// A subscriber of `news` (confirmed) and `daily` (pending) with a signup consent event.
    func seedSubscriber(_ address: String) async throws -> Subscriber {
        try await NewsletterRegistry(store: store).register(Fixtures.newsletters)
        return try await store.transaction { tx in
            let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber(address))
            try await tx.saveSubscription(
                Subscription(
                    subscriberID: subscriber.id, newsletter: "news", status: .confirmed, createdAt: Fixtures.now,
                    updatedAt: Fixtures.now, confirmedAt: Fixtures.now))
            try await tx.saveSubscription(
                Subscription(
                    subscriberID: subscriber.id, newsletter: "daily", status: .pending, createdAt: Fixtures.now,
                    updatedAt: Fixtures.now))
            try await tx.appendConsent(
                ConsentEvent(subscriberID: subscriber.id, newsletter: "news", action: .signup, occurredAt: Fixtures.now)
            )
            return subscriber
        }
    }

    @Test func theDirectoryListsSearchesWithSubscriptionsAndReadsOneRecord() async throws {
        let olena = try await seedSubscriber("olena@example.org")
        _ = try await seedSubscriber("petro@example.org")
        let directory = SubscriberDirectory(store: store)
        let found = try await directory.search(SubscriberSearch(addressContains: "olena", afterID: 0, limit: 10))
        #expect(found.map(\.subscriber.email) == ["olena@example.org"])
        #expect(Set(found[0].subscriptions.map(\.newsletter)) == ["news", "daily"])
        #expect(try await directory.count() == 2)

        let record = try #require(try await directory.record(id: olena.id))
        #expect(record.subscriber == olena)
        #expect(record.consentHistory.map(\.action) == [.signup])
        #expect(record.suppression == nil)
        #expect(record.bounces.isEmpty)
        #expect(try await directory.record(id: 999) == nil)
        #expect(try await directory.subscriber(id: 999) == nil)
    }

    @Test func aRecordCarriesTheAddressBouncesOnlyWhenAskedFor() async throws {
        let olena = try await seedSubscriber("olena@example.org")
        let bounces = BounceService(
            store: store, policy: BouncePolicy(softLimit: 5, softWindow: .seconds(86_400)),
            logger: Logger(label: "test"))
        _ = try await bounces.record([
            BounceReport(
                address: "olena@example.org", kind: .soft, source: .api, diagnostic: "452 mailbox full",
                occurredAt: Fixtures.now)
        ])
        let directory = SubscriberDirectory(store: store)
        #expect(try await directory.record(id: olena.id, bounceLimit: 20)?.bounces.count == 1)
        #expect(try await directory.record(id: olena.id)?.bounces.isEmpty == true)
    }

    @Test func queueStatusCountsOperatorMailInTheOutbox() async throws {
        let id = try await OperatorMail(store: store, now: { Fixtures.now }).queue(Fixtures.mail(to: "ops@example.org"))
        let status = QueueStatus(store: store)
        #expect(try await status.outbox().counts[.pending] == 1)
        #expect(try await status.outboxMessage(id: id)?.mail.recipients == ["ops@example.org"])
        let both = try await status.outboxAndWebhooks()
        #expect(both.outbox.counts[.pending] == 1)
        #expect(both.webhooks.values.reduce(0, +) == 0)
    }

    @Test func theSnapshotHoldsActivityCountsOutboxAndEachNewslettersLatestIssue() async throws {
        _ = try await seedSubscriber("olena@example.org")
        let issue = try await store.transaction { tx in
            try await tx.createDigestIssue(
                newsletter: "news", period: "2026-11-20", edition: .single("en"), articles: [Self.article],
                at: Fixtures.now)
        }
        let snapshot = try await ListStatistics(store: store).snapshot(
            newsletters: ["news", "daily"], from: Fixtures.now.addingTimeInterval(-86_400),
            to: Fixtures.now.addingTimeInterval(86_400))
        #expect(snapshot.activity.map(\.count) == [1])
        #expect(snapshot.subscriptions.count == 2)
        #expect(snapshot.latestIssues["news"]?.summary.id == issue.id)
        #expect(snapshot.latestIssues["news"]?.progress.counts[.pending] == 1)
        #expect(snapshot.latestIssues["daily"] == nil)
        #expect(try await DigestReports(store: store).recentIssues(of: ["news"], limit: 5)["news"]?.count == 1)
    }

    @Test func engagementCountsLandAndAreReportedPerNewsletterSetting() async throws {
        let olena = try await seedSubscriber("olena@example.org")
        let issue = try await store.transaction { tx in
            try await tx.createDigestIssue(
                newsletter: "news", period: "2026-11-20", edition: .single("en"), articles: [Self.article],
                at: Fixtures.now)
        }
        try await EngagementCounters(store: store).add(
            clicks: [ClickCount(issueID: issue.id, linkIndex: 0, hour: Fixtures.now, clicks: 3, filtered: 1)],
            subscriberClicks: [
                SubscriberClick(issueID: issue.id, subscriberID: olena.id, linkIndex: 0, at: Fixtures.now)
            ],
            opens: [OpenCount(issueID: issue.id, hour: Fixtures.now, opens: 2, filtered: 0)])
        var newsletter = Fixtures.newsletters[0]
        let reports = DigestReports(store: store)
        let plain = try #require(try await reports.engagement(issueID: issue.id, of: newsletter, now: Fixtures.now))
        #expect(plain.clicks.map(\.clicks) == [3])
        #expect(plain.clickingSubscribers == nil)
        #expect(plain.opens == nil)
        newsletter.tracking = .perSubscriber
        newsletter.opens = true
        let full = try #require(try await reports.engagement(issueID: issue.id, of: newsletter, now: Fixtures.now))
        #expect(full.clickingSubscribers == 1)
        #expect(full.opens?.map(\.opens) == [2])
        // Another newsletter's report never shows this issue.
        #expect(try await reports.engagement(issueID: issue.id, of: Fixtures.newsletters[1], now: Fixtures.now) == nil)
    }

    static let article = DigestArticle(
        identity: "a1", linkIdentity: nil, title: "Title", link: "https://news.example.org/a1", summaryHTML: "",
        summaryText: "", author: nil, published: nil, imageURL: nil)
}
