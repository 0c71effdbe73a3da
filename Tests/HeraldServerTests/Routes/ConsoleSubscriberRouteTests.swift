import Foundation
import HTTPTypes
import HeraldCore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldServer

/// The console's subscriber search and subscriber page through the real router.
@Suite("Routes: console subscribers")
struct ConsoleSubscriberRouteTests {
    typealias Browser = ConsoleRouteTests.Browser

    private static func signUp(_ client: any TestClientProtocol, _ address: String, _ newsletter: String = "news")
        async throws
    {
        let body =
            "email=\(address.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&newsletter=\(newsletter)"
        let response = try await client.execute(
            uri: "/subscribe", method: .post, headers: ConsoleRouteTests.form, body: ByteBuffer(string: body))
        #expect(response.status == .seeOther, "\(address)")
    }

    @Test func searchFindsByPartOfTheAddressNewsletterAndState() async throws {
        try await RouteHarness().run { client in
            try await Self.signUp(client, "olena@example.org")
            try await Self.signUp(client, "taras@example.net", "daily")
            let browser = Browser(client)
            _ = try await browser.signIn()
            let all = try await browser.get("/admin/subscribers")
            #expect(all.status == .ok)
            #expect(all.text.contains("olena@example.org") && all.text.contains("taras@example.net"))
            let part = try await browser.get("/admin/subscribers?q=EXAMPLE.NET")
            #expect(part.text.contains("taras@example.net") && !part.text.contains("olena@example.org"))
            #expect(part.text.contains("Дайджест дня: pending"))
            let daily = try await browser.get("/admin/subscribers?newsletter=news&status=pending")
            #expect(daily.text.contains("olena@example.org") && !daily.text.contains("taras@example.net"))
            let none = try await browser.get("/admin/subscribers?status=confirmed")
            #expect(none.text.contains("No subscriber matches this search."))
            let wildcard = try await browser.get("/admin/subscribers?q=%25%27%3B--")
            #expect(wildcard.status == .ok && wildcard.text.contains("No subscriber matches this search."))
        }
    }

    @Test func pagesAreWalkedWithSignedCursors() async throws {
        try await RouteHarness().run { client in
            for index in 0..<53 { try await Self.signUp(client, "reader\(index)@example.org") }
            let browser = Browser(client)
            _ = try await browser.signIn()
            let first = try await browser.get("/admin/subscribers?q=reader")
            #expect(first.text.matches(of: /\/admin\/subscribers\/\d/).count == 50)
            let next = try #require(
                first.text.firstMatch(of: /href="https:\/\/news\.example\.org(\/admin\/subscribers\?[^"]+)">Next page/))
            let second = try await browser.get(String(next.1).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(second.status == .ok)
            #expect(second.text.matches(of: /\/admin\/subscribers\/\d/).count == 3)
            #expect(!second.text.contains("Next page"))
        }
    }

    @Test(arguments: [
        "q=%00", "q=a%0D%0ABcc:x", "newsletter=nope", "status=gone", "after=forged.cursor",
        "q=" + String(repeating: "a", count: 255), "from=2026-02-30", "to=yesterday", "from=2026-12-01%0A",
    ])
    func malformedSearchesGet400(_ query: String) async throws {
        try await RouteHarness().run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            let response = try await browser.get("/admin/subscribers?\(query)")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("use the form to search again"))
        }
    }

    @Test func theSubscriberPageShowsSubscriptionsAndConsentHistoryEscaped() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let body = "email=olena%40example.org&newsletter=news&name=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
            _ = try await client.execute(
                uri: "/subscribe", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .userAgent: "Firefox <b>"],
                body: ByteBuffer(string: body))
            let id = try #require(
                try await harness.store.transaction { try await $0.subscriber(canonicalKey: "olena@example.org") }?.id)
            let browser = Browser(client)
            _ = try await browser.signIn()
            let page = try await browser.get("/admin/subscribers/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1 class=\"cell-wrap\">olena@example.org</h1>"))
            #expect(page.text.contains(#"<td><strong>Morning News</strong></td><td data-label="State">pending</td>"#))
            #expect(page.text.contains("<td class=\"cell-wrap\">signup</td>"))
            #expect(page.text.contains("Firefox &lt;b&gt;"))
            #expect(!page.text.contains("<script>"))
            for path in ["/admin/subscribers/999999", "/admin/subscribers/abc", "/admin/subscribers/-1"] {
                #expect(try await browser.get(path).status == .notFound, "\(path)")
            }
        }
    }

    @Test func withoutASessionTheSubscriberPagesSendYouToSignIn() async throws {
        try await RouteHarness().run { client in
            for path in ["/admin/subscribers", "/admin/subscribers/1"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "https://news.example.org/admin/sign-in?next=\(path)")
            }
        }
    }

    @Test func searchFiltersBySignupDay() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            try await Self.signUp(client, "early@example.org")
            harness.clock.advance(by: 2 * 86_400)
            try await Self.signUp(client, "late@example.org")
            let browser = Browser(client)
            _ = try await browser.signIn()
            let firstDay = ConsoleDates.day(Fixtures.now)
            let lastDay = ConsoleDates.day(Fixtures.now.addingTimeInterval(2 * 86_400))
            let early = try await browser.get("/admin/subscribers?from=&to=\(firstDay)")
            #expect(early.text.contains("early@example.org") && !early.text.contains("late@example.org"))
            let late = try await browser.get("/admin/subscribers?from=\(lastDay)&to=")
            #expect(late.text.contains("late@example.org") && !late.text.contains("early@example.org"))
            #expect(late.text.contains(#"name="from" value="\#(lastDay)""#))
        }
    }
}
