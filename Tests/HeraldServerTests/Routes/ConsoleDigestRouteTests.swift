import Foundation
import HTTPTypes
import HeraldCore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldServer

/// The console's digest list and issue report through the real router, against the report API.
@Suite("Routes: console digests")
struct ConsoleDigestRouteTests {
    typealias Browser = ConsoleRouteTests.Browser

    /// An issue of `news` with two articles, completed, and clicks in its first and third hours.
    private static func seedIssue(_ store: InMemoryStore) async throws -> Int64 {
        try await store.transaction { tx in
            let articles = ["Kyiv <b>tonight</b>", "Markets & more"].enumerated().map { index, title in
                DigestArticle(
                    identity: "a\(index)", linkIdentity: nil, title: title, link: "https://news.example.org/\(index)",
                    summaryHTML: "<p>x</p>", summaryText: "x", author: nil, published: nil, imageURL: nil)
            }
            let issue = try await tx.createDigestIssue(
                newsletter: "news", period: "2026-12-01", edition: .single("en"), articles: articles, at: Fixtures.now)
            try await tx.completeDigestIssue(issueID: issue.id, at: Fixtures.now.addingTimeInterval(120))
            let hour = Date(timeIntervalSince1970: (Fixtures.now.timeIntervalSince1970 / 3600).rounded(.down) * 3600)
            try await tx.addClickCounts([
                ClickCount(issueID: issue.id, linkIndex: 0, hour: hour, clicks: 5, filtered: 2),
                ClickCount(
                    issueID: issue.id, linkIndex: 1, hour: hour.addingTimeInterval(7200), clicks: 3, filtered: 0),
            ])
            return issue.id
        }
    }

    @Test func theListAndTheReportShowTheReportAPIsFigures() async throws {
        let harness = try RouteHarness()
        let id = try await Self.seedIssue(harness.store)
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            let list = try await browser.get("/admin/digests")
            #expect(list.status == .ok)
            #expect(list.text.contains("<a href=\"https://news.example.org/admin/digests/news/\(id)\">2026-12-01</a>"))
            #expect(list.text.contains("No issue has been sent yet."))  // the daily newsletter
            let page = try await browser.get("/admin/digests/news/\(id)")
            #expect(page.status == .ok)
            let api = try await client.execute(
                uri: "/api/v1/newsletters/news/digests/\(id)/report", method: .get,
                headers: [.authorization: "Bearer \(RouteHarness.adminToken)"])
            let report = try #require(try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any])
            #expect(report["clicks"] as? Int == 8 && report["filtered"] as? Int == 2)
            #expect(page.text.contains("<dt>Clicks</dt><dd>8</dd>"))
            #expect(page.text.contains("<dt>Filtered</dt><dd>2</dd>"))
            #expect(page.text.contains("Kyiv &lt;b&gt;tonight&lt;/b&gt;</a></td><td>5</td><td>2</td>"))
            #expect(page.text.contains("8 clicks, 2 filtered; at most 5 in one hour."))
            #expect(page.text.components(separatedBy: "<tr><td>").count - 1 >= 48)
        }
    }

    @Test(arguments: [
        "/admin/digests/news/999", "/admin/digests/daily/1", "/admin/digests/nope/1",
        "/admin/digests/news/abc", "/admin/digests/news/-1", "/admin/digests/news/1%00",
    ])
    func unknownIssuesAndOtherNewslettersIssuesAre404(_ path: String) async throws {
        let harness = try RouteHarness()
        _ = try await Self.seedIssue(harness.store)
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            let response = try await browser.get(path)
            #expect(response.status == .notFound)
        }
    }

    @Test func withoutASessionTheDigestPagesSendYouToSignIn() async throws {
        try await RouteHarness().run { client in
            for path in ["/admin/digests", "/admin/digests/news/1"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .seeOther)
            }
        }
    }
}

extension ConsoleDigestRouteTests {
    /// An issue of `news` to three confirmed readers: one sent, one failed (550), one deferred (451).
    private static func issueWithFailures(_ harness: RouteHarness, _ client: any TestClientProtocol) async throws
        -> Int64
    {
        for address in ["sent", "failed", "deferred"] {
            _ = try await ConsoleActionRouteTests.signUp(harness, client, "\(address)@example.org")
        }
        return try await harness.store.transaction { tx in
            for subscriber in try await tx.searchSubscribers(SubscriberSearch()) {
                guard let pending = try await tx.subscription(subscriberID: subscriber.id, newsletter: "news") else {
                    continue
                }
                try await tx.saveSubscription(pending.moved(to: .confirmed, at: Fixtures.now))
            }
            let issue = try await tx.createDigestIssue(
                newsletter: "news", period: "2026-12-02", edition: .single("en"), articles: [], at: Fixtures.now)
            let claimed = try await tx.claimDigestDeliveries(
                issueID: issue.id, owner: "run", now: Fixtures.now, limit: 10,
                leaseUntil: Fixtures.now.addingTimeInterval(15))
            for recipient in claimed {
                let name = recipient.subscriber.email.split(separator: "@")[0]
                _ = try await tx.startDigestDelivery(
                    issueID: issue.id, subscriberID: recipient.subscriber.id, owner: "run", at: Fixtures.now)
                let (state, reply): (DeliveryState, String) =
                    switch name {
                    case "sent": (.sent, "250 ok")
                    case "failed": (.failed, "550 5.1.1 <b>unknown</b>")
                    default: (.deferred, "451 4.7.1 later")
                    }
                _ = try await tx.settleDigestDelivery(
                    issueID: issue.id, subscriberID: recipient.subscriber.id, owner: "run",
                    outcome: DigestDeliveryOutcome(state: state, attempts: 1, result: reply, at: Fixtures.now))
            }
            try await tx.completeDigestIssue(issueID: issue.id, at: Fixtures.now)
            return issue.id
        }
    }

    @Test func anIssuesFailedAndDeferredDeliveriesAreShownAndRetried() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let id = try await Self.issueWithFailures(harness, client)
            let browser = Browser(client)
            _ = try await browser.signIn()
            let dashboard = try await browser.get("/admin")
            #expect(dashboard.text.contains("1 sent, 1 failed, 1 deferred, 0 to send (3 in all)"))
            let page = try await browser.get("/admin/digests/news/\(id)")
            #expect(page.text.contains("550 5.1.1 &lt;b&gt;unknown&lt;/b&gt;") && page.text.contains("451 4.7.1 later"))
            #expect(page.text.contains("Retry failed and deferred deliveries"))
            let forged = try await browser.post("/admin/digests/news/\(id)/retry", [("csrf", "forged")])
            #expect(forged.status == .forbidden)
            let other = try await browser.post("/admin/digests/daily/\(id)/retry", [("csrf", browser.csrf)])
            #expect(other.status == .notFound)
            let retried = try await browser.post("/admin/digests/news/\(id)/retry", [("csrf", browser.csrf)])
            #expect(retried.status == .seeOther)
            #expect(retried.headers[.location] == "https://news.example.org/admin/digests/news/\(id)?done=reopened")
            let progress = try await harness.store.transaction {
                try await $0.digestProgress(issueID: id, failureLimit: 10)
            }
            #expect(progress.counts[.sent] == 1 && progress.counts[.pending] == 2)
            let after = try await browser.get("/admin/digests/news/\(id)?done=reopened")
            #expect(after.text.contains("1 sent, 0 failed, 0 deferred, 2 to send (3 in all)"))
            #expect(!after.text.contains("Retry failed and deferred deliveries"))
            let entry = try await harness.store.transaction { try await $0.auditEntries(beforeID: nil, limit: 1) }
            #expect(
                entry.first?.action == "digest.retry" && entry.first?.detailJSON.contains(#""reopened":"2""#) == true)
        }
    }
}
