import Foundation
import HTTPTypes
import HeraldCore
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldServer

private let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
private let json: HTTPFields = [.contentType: "application/json"]

/// The public routes of the real router: status, headers, bodies and error mapping.
@Suite("Routes: public pages, signup and links")
struct PublicRouteTests {
    @Test func healthAndTheDemoPageCarryTheirHeaders() async throws {
        try await RouteHarness().run { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(page.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(page.text.contains("action=\"https://news.example.org/subscribe\""))
            #expect(page.text.contains("Дайджест дня"))
        }
    }

    @Test func aFormSignupRedirectsAndQueuesOneConfirmation() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let response = try await client.execute(
                uri: "/subscribe", method: .post, headers: form,
                body: ByteBuffer(string: "email=reader%40example.org&newsletter=news"))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location]?.hasPrefix("/thanks") == true)
        }
        #expect(try await harness.queuedMail().counts[.pending] == 1)
    }

    @Test func aTypoGetsTheFormBackWithTheInlineErrorAndNothingIsQueued() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let response = try await client.execute(
                uri: "/subscribe", method: .post, headers: form, body: ByteBuffer(string: "email=jane%40gmial"))
            #expect(response.status == .unprocessableContent)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("Please, enter correct email address"))
            #expect(response.text.contains("value=\"jane@gmial\""))
        }
        #expect(try await harness.queuedMail().counts.values.reduce(0, +) == 0)
    }

    @Test func jsonErrorsNameFieldAndCode() async throws {
        try await RouteHarness().run { client in
            let response = try await client.execute(
                uri: "/subscribe", method: .post, headers: json, body: ByteBuffer(string: #"{"email":"jane@gmial"}"#))
            #expect(response.status == .unprocessableContent)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let errors = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
            let first = (errors?["errors"] as? [[String: Any]])?.first
            #expect(first?["field"] as? String == "email")
            #expect(first?["suggestion"] as? String == "jane@gmail.com")
        }
    }

    @Test func hostileBodiesAreRefusedBeforeAnythingIsStored() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let oversized = try await client.execute(
                uri: "/subscribe", method: .post, headers: form,
                body: ByteBuffer(string: "email=" + String(repeating: "a", count: 1_048_576)))
            #expect(oversized.status == .contentTooLarge)
            let badUTF8 = try await client.execute(
                uri: "/subscribe", method: .post, headers: form,
                body: ByteBuffer(bytes: Array("email=".utf8) + [0xFF, 0xFE]))
            #expect(badUTF8.status == .badRequest)
            let crlf = try await client.execute(
                uri: "/subscribe", method: .post, headers: form,
                body: ByteBuffer(string: "email=a%40example.org%0D%0ABcc%3A%20victim%40example.org"))
            #expect(crlf.status == .unprocessableContent)
            let sql = try await client.execute(
                uri: "/subscribe", method: .post, headers: form,
                body: ByteBuffer(string: "email=%27%3B%20DROP%20TABLE%20subscribers%3B--%40example.org"))
            #expect(sql.status == .unprocessableContent)
        }
        #expect(try await harness.store.transaction { try await $0.subscriberCount() } == 0)
    }

    @Test func unknownPathsTokensAndLinksGetTheHTMLNotFoundPage() async throws {
        try await RouteHarness().run { client in
            for path in [
                "/no-such-page", "/confirm/not-a-token", "/unsubscribe/AAAA", "/preferences/%00",
                "/l/1.0.3.aHR0cHM6Ly9ldmlsLmV4YW1wbGU.AAAA", "/archive/news", "/archive/daily/1999-01-01",
            ] {
                let response = try await client.execute(uri: path, method: .get, headers: [.accept: "text/html"])
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.location] == nil, "\(path)")
                #expect(response.text.contains("<html"), "\(path)")
            }
        }
    }

    @Test func anArchiveThatIsOnAnswersItsListAndFeed() async throws {
        try await RouteHarness().run { client in
            let list = try await client.execute(uri: "/archive/daily", method: .get)
            #expect(list.status == .ok)
            #expect(list.headers[.contentType] == "text/html; charset=utf-8")
            let feed = try await client.execute(uri: "/archive/daily/feed.xml", method: .get)
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
        }
    }
}
