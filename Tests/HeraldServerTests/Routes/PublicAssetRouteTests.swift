import Foundation
import HTTPTypes
import HeraldCore
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import HeraldApp
@testable import HeraldServer

/// The public routes besides the pages: the embed snippet page, metrics, the signup challenge and
/// its solver, the open pixel and CORS preflight, through the real router.
@Suite("Routes: embed, metrics, challenge, pixel, CORS")
struct PublicAssetRouteTests {
    @Test func theEmbedPageShowsTheSnippetForTheAskedNewsletter() async throws {
        try await RouteHarness().run { client in
            let page = try await client.execute(uri: "/embed?newsletter=daily", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("https://news.example.org/subscribe"))
            #expect(page.text.contains("daily"))
            let hostile = try await client.execute(uri: "/embed?newsletter=%3Cscript%3E", method: .get)
            #expect(!hostile.text.contains("<script>"))
        }
    }

    @Test func metricsCountTheOutboxInPrometheusText() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            _ = try await client.execute(
                uri: "/subscribe", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "email=olena%40example.org&newsletter=news"))
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            #expect(metrics.text.contains("herald_outbox_messages{state=\"pending\"} 1"), "\(metrics.text)")
        }
    }

    @Test func theChallengeAndItsSolverAreServedWithTheirHeaders() async throws {
        var harness = try RouteHarness()
        harness.configuration.web.allowedOrigins = ["https://site.example.org"]
        try await harness.run { client in
            let challenge = try await client.execute(
                uri: "/challenge", method: .get, headers: [.origin: "https://site.example.org"])
            #expect(challenge.status == .ok)
            #expect(challenge.headers[.accessControlAllowOrigin] == "https://site.example.org")
            let body = try JSONSerialization.jsonObject(with: Data(challenge.text.utf8)) as? [String: Any]
            #expect(body?["algorithm"] as? String == "SHA-256")
            #expect((body?["signature"] as? String)?.isEmpty == false)
            let stranger = try await client.execute(
                uri: "/challenge", method: .get, headers: [.origin: "https://evil.example"])
            #expect(stranger.headers[.accessControlAllowOrigin] == nil)

            let script = try await client.execute(uri: "/challenge.js", method: .get)
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.headers[.cacheControl] == "public, max-age=3600")
            #expect(script.text.contains("SHA-256"))
        }
    }

    @Test func thePixelAnswersOnlyASignedIDAndKeepsNothingAboutTheReader() async throws {
        let harness = try RouteHarness()
        let signed = ClickLinkSigner(secret: String(repeating: "k", count: 64)).openID(issueID: 7)
        try await harness.run { client in
            let pixel = try await client.execute(uri: "/o/\(signed)", method: .get)
            #expect(pixel.status == .ok)
            #expect(pixel.headers[.contentType] == "image/gif")
            #expect(pixel.headers[.cacheControl] == "no-store")
            #expect(Array(buffer: pixel.body) == OpenController.pixel)
            let head = try await client.execute(uri: "/o/\(signed)", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            let forged = try await client.execute(uri: "/o/\(signed.dropLast())x", method: .get)
            #expect(forged.status == .notFound)
            #expect(forged.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test func aPreflightFromAnAllowedOriginIsAnsweredAndAStrangerGetsNoGrant() async throws {
        var harness = try RouteHarness()
        harness.configuration.web.allowedOrigins = ["https://site.example.org"]
        try await harness.run { client in
            let allowed = try await client.execute(
                uri: "/subscribe", method: .options,
                headers: [.origin: "https://site.example.org", .accessControlRequestMethod: "POST"])
            #expect(allowed.status.code < 300)
            #expect(allowed.headers[.accessControlAllowOrigin] == "https://site.example.org")
            #expect(allowed.headers[.accessControlAllowMethods] == "POST, OPTIONS")
            let stranger = try await client.execute(
                uri: "/subscribe", method: .options,
                headers: [.origin: "https://evil.example", .accessControlRequestMethod: "POST"])
            #expect(stranger.headers[.accessControlAllowOrigin] == nil)
        }
    }
}
