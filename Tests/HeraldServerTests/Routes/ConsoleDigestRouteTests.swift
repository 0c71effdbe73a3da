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
                newsletter: "news", period: "2026-12-01", articles: articles, at: Fixtures.now)
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
