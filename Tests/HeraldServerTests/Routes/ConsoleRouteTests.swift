import Foundation
import HTTPTypes
import HeraldCore
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldApp
@testable import HeraldServer

/// The operator console through the real router: sign-in, cookies and headers, CSRF, the shared
/// lockout, sessions ending, and the dashboard's figures against `GET /api/v1/stats`.
@Suite("Routes: operator console")
struct ConsoleRouteTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// A browser's view of the console: its cookies and the last form's CSRF token.
    final class Browser: @unchecked Sendable {
        var cookies: [String: String] = [:]
        var csrf = ""
        let client: any TestClientProtocol

        init(_ client: any TestClientProtocol) { self.client = client }

        func get(_ path: String) async throws -> TestResponse {
            remember(try await client.execute(uri: path, method: .get, headers: headers()))
        }

        func post(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
            var headers = headers()
            headers[.contentType] = "application/x-www-form-urlencoded"
            let body = fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            return remember(
                try await client.execute(
                    uri: path, method: .post, headers: headers, body: ByteBuffer(string: body.joined(separator: "&"))))
        }

        func signIn(token: String = RouteHarness.adminToken) async throws -> TestResponse {
            _ = try await get("/admin/sign-in")
            return try await post("/admin/sign-in", [("csrf", csrf), ("next", "/admin"), ("token", token)])
        }

        private func headers() -> HTTPFields {
            cookies.isEmpty ? [:] : [.cookie: cookies.map { "\($0)=\($1)" }.joined(separator: "; ")]
        }

        private func remember(_ response: TestResponse) -> TestResponse {
            for header in response.headers[values: .setCookie] {
                let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                if header.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
            }
            if let match = response.text.firstMatch(of: /name="csrf" value="([^"]+)"/) { csrf = String(match.1) }
            return response
        }
    }

    @Test func withoutASessionTheConsoleSendsYouToSignIn() async throws {
        try await RouteHarness().run { client in
            let response = try await client.execute(uri: "/admin", method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "https://news.example.org/admin/sign-in")
        }
    }

    @Test func theSignInPageSetsAStrictCookieAndLocksThePageDown() async throws {
        try await RouteHarness().run { client in
            let page = try await client.execute(uri: "/admin/sign-in", method: .get)
            #expect(page.status == .ok)
            let cookie = try #require(page.headers[values: .setCookie].first)
            for part in ["herald_console_sign_in=", "Path=/admin", "HttpOnly", "SameSite=Strict", "Secure"] {
                #expect(cookie.contains(part), "\(cookie)")
            }
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("script-src 'none'") && policy.contains("frame-ancestors 'none'"))
            #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(page.text.contains("<label for=\"token\">Admin token</label>"))
        }
    }

    @Test func aRightTokenStartsASessionThatShowsTheDashboardAndIsAudited() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let browser = Browser(client)
            let signedIn = try await browser.signIn()
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "https://news.example.org/admin")
            #expect(browser.cookies["herald_console"]?.utf8.count == 43)
            #expect(browser.cookies["herald_console_sign_in"] == nil)
            let dashboard = try await browser.get("/admin")
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("Signed in as <strong>admin</strong>"))
            #expect(dashboard.text.contains("Morning News") && dashboard.text.contains("Дайджест дня"))
        }
        let audit = try await harness.store.transaction { try await $0.auditEntries(beforeID: nil, limit: 10) }
        #expect(audit.map(\.action) == ["console.sign_in"])
        #expect(audit.first?.actor == "admin")
    }

    @Test func formsWithoutTheRightTokenAreRefusedAndStartNothing() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.get("/admin/sign-in")
            for csrf in ["", "forged", String(repeating: "A", count: 5000)] {
                let refused = try await browser.post(
                    "/admin/sign-in", [("csrf", csrf), ("token", RouteHarness.adminToken)])
                #expect(refused.status == .forbidden)
                #expect(refused.text.contains("This form had expired"))
            }
            // The right token for the form, but no sign-in cookie (another browser's form).
            let stranger = Browser(client)
            stranger.csrf = browser.csrf
            let crossSite = try await stranger.post(
                "/admin/sign-in", [("csrf", browser.csrf), ("token", RouteHarness.adminToken)])
            #expect(crossSite.status == .forbidden)
        }
        let audit = try await harness.store.transaction { try await $0.auditEntries(beforeID: nil, limit: 10) }
        #expect(audit.isEmpty)
    }

    @Test func wrongTokensCountTowardsTheLockoutTheAdminAPIShares() async throws {
        try await RouteHarness("admin_auth_max_failures: 3\n").run { client in
            let browser = Browser(client)
            for attempt in 1...3 {
                let wrong = try await browser.signIn(token: "wrong-token-\(attempt)\r\n<script>")
                #expect(wrong.status == .unauthorized)
                #expect(wrong.text.contains("not one of this installation's admin tokens"))
                #expect(!wrong.text.contains("<script>"))
            }
            let locked = try await browser.signIn()
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[.retryAfter] != nil)
            let api = try await client.execute(
                uri: "/api/v1/stats", method: .get, headers: [.authorization: "Bearer \(RouteHarness.adminToken)"])
            #expect(api.status == .tooManyRequests)
        }
    }

    @Test func signingOutNeedsTheSessionsTokenAndEndsTheSession() async throws {
        try await RouteHarness().run { client in
            let alice = Browser(client)
            _ = try await alice.signIn()
            _ = try await alice.get("/admin")
            let bob = Browser(client)
            _ = try await bob.signIn()
            _ = try await bob.get("/admin")
            // Bob's form token does not work with Alice's session, nor does none at all.
            for csrf in [bob.csrf, ""] {
                let refused = try await alice.post("/admin/sign-out", [("csrf", csrf)])
                #expect(refused.status == .forbidden)
            }
            #expect(try await alice.get("/admin").status == .ok)
            let oldCookie = try #require(alice.cookies["herald_console"])
            let out = try await alice.post("/admin/sign-out", [("csrf", alice.csrf)])
            #expect(out.status == .seeOther)
            #expect(alice.cookies["herald_console"] == nil)
            let replayed = try await client.execute(
                uri: "/admin", method: .get, headers: [.cookie: "herald_console=\(oldCookie)"])
            #expect(replayed.status == .seeOther)
            #expect(try await bob.get("/admin").status == .ok)
        }
    }

    @Test func sessionsEndAfterThirtyIdleMinutesAndTwelveHours() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            var uses = 0
            for _ in 0..<30 {  // used every 29 minutes: alive until 12 hours after sign-in (24 × 29 min = 11.6 h)
                harness.clock.advance(by: 29 * 60)
                guard try await browser.get("/admin").status == .ok else { break }
                uses += 1
            }
            #expect(uses == 24)
            _ = try await browser.signIn()
            harness.clock.advance(by: 30 * 60)
            #expect(try await browser.get("/admin").status == .seeOther)
        }
    }

    @Test func removingATokenFromTheConfigurationEndsItsSessions() async throws {
        let first = try RouteHarness()
        let cookie = try await Self.sessionCookie(first)
        var second = try RouteHarness(store: first.store)
        second.configuration.adminTokens = ["desk": "another-admin-token-0123456789abcdefghij"]
        try await second.run { client in
            let response = try await client.execute(uri: "/admin", method: .get, headers: [.cookie: cookie])
            #expect(response.status == .seeOther)
        }
    }

    private static func sessionCookie(_ harness: RouteHarness) async throws -> String {
        final class Box: @unchecked Sendable { var value = "" }
        let box = Box()
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            box.value = "herald_console=\(browser.cookies["herald_console"] ?? "")"
        }
        return box.value
    }

    @Test func theDashboardShowsTheFiguresOfTheStatsAPI() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            for address in ["a", "b", "c"] {
                _ = try await client.execute(
                    uri: "/subscribe", method: .post, headers: Self.form,
                    body: ByteBuffer(string: "email=\(address)%40example.org&newsletter=news"))
            }
            let browser = Browser(client)
            _ = try await browser.signIn()
            let page = try await browser.get("/admin").text
            let stats = try await client.execute(
                uri: "/api/v1/stats?newsletter=news", method: .get,
                headers: [.authorization: "Bearer \(RouteHarness.adminToken)"])
            let body = try JSONSerialization.jsonObject(with: Data(stats.text.utf8)) as? [String: Any]
            let news = try #require((body?["newsletters"] as? [[String: Any]])?.first)
            let signups = try #require(news["signups"] as? Int)
            #expect(signups == 3)
            #expect(page.contains("<dt>Signups, 30 days</dt><dd>\(signups)</dd>"))
            #expect(page.contains("<dt>Awaiting confirmation</dt><dd>3</dd>"))
            #expect(page.contains("<svg class=\"chart\""))
            #expect(page.contains("<desc id=\"chart-news-desc\">"))
            #expect(page.contains("3 signups, 0 confirmations, 0 unsubscribes"))
            #expect(page.contains("<dt>Waiting</dt><dd>3</dd>"))
        }
    }

    @Test(arguments: ["7", "abc", "-30", "30%0D%0A", "99999999999999999999"])
    func onlyTheOfferedRangesAreAccepted(_ days: String) async throws {
        try await RouteHarness().run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            #expect(try await browser.get("/admin?days=\(days)").status == .badRequest)
            let ninety = try await browser.get("/admin?days=90")
            #expect(ninety.status == .ok)
            #expect(ninety.text.contains("<span aria-current=\"page\">Last 90 days</span>"))
        }
    }

    @Test func theConsoleIsOffWhenConfiguredOffOrWithoutAnAdminToken() async throws {
        var off = try RouteHarness("admin_console: false\n")
        try await off.run { client in
            let response = try await client.execute(uri: "/admin/sign-in", method: .get)
            #expect(response.status == .notFound)
        }
        off = try RouteHarness()
        off.configuration.adminTokens = [:]
        try await off.run { client in
            let response = try await client.execute(uri: "/admin", method: .get)
            #expect(response.status == .notFound)
        }
    }
}
