import Foundation
import HeraldCurl
import HeraldFeeds
import Testing

@Suite("Fetching feeds over HTTP from a local server")
struct FeedFetcherHTTPTests {
    /// The test server listens on loopback, which the SSRF guard refuses unless allowed.
    private let fetcher = FeedFetcher(
        timeout: .seconds(2), connectTimeout: .seconds(2),
        addressPolicy: try! OutboundAddressPolicy(allowing: ["127.0.0.1"]))

    private func fetchError(_ source: String, with fetcher: FeedFetcher? = nil) async -> FeedError? {
        do {
            _ = try await (fetcher ?? self.fetcher).fetch(source, previous: nil)
            return nil
        } catch {
            return error
        }
    }

    @Test func fetchesAFeedAndItsValidators() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        let result = try await fetcher.fetch(server.url("/feed.xml"), previous: nil)
        guard case .fetched(let data, let validators, let finalURL) = result else {
            Issue.record("expected a fetched feed, got \(result)")
            return
        }
        #expect(validators == FeedCacheValidators(etag: "\"v1\"", lastModified: "Wed, 01 May 2024 09:30:00 GMT"))
        #expect(finalURL == server.url("/feed.xml"))
        let feed = try FeedParser.parse(data, baseURL: finalURL)
        #expect(feed.title == "Served")
        #expect(feed.items.map(\.link) == [server.url("/one")])
    }

    @Test func aLoopbackServerIsRefusedByDefaultBeforeAnyRequest() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        let error = await fetchError(server.url("/feed.xml"), with: FeedFetcher(timeout: .seconds(2)))
        #expect(error?.kind == .network)
        #expect(error?.message.contains("refused to connect to 127.0.0.1: loopback address 127.0.0.1") == true)
    }

    @Test func aMatchingETagOrDateGivesNotModified() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        let byETag = try await fetcher.fetch(server.url("/feed.xml"), previous: FeedCacheValidators(etag: "\"v1\""))
        #expect(byETag == .notModified)
        let byDate = try await fetcher.fetch(
            server.url("/feed.xml"), previous: FeedCacheValidators(lastModified: "Wed, 01 May 2024 09:30:00 GMT"))
        #expect(byDate == .notModified)
        let stale = try await fetcher.fetch(server.url("/feed.xml"), previous: FeedCacheValidators(etag: "\"v0\""))
        guard case .fetched = stale else {
            Issue.record("a changed ETag must fetch the feed, got \(stale)")
            return
        }
    }

    @Test func sendsTheHeraldUserAgentAndAFeedAcceptHeader() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        guard case .fetched(let data, _, _) = try await fetcher.fetch(server.url("/headers"), previous: nil) else {
            Issue.record("expected the echoed headers")
            return
        }
        let headers = try JSONDecoder().decode([String: String].self, from: Data(data))
        #expect(headers["User-Agent"] == "Herald/1.0 (+newsletter digest)")
        #expect(
            headers["Accept"]?.hasPrefix("application/rss+xml, application/atom+xml, application/feed+json") == true)
        #expect(headers["If-None-Match"] == nil)
    }

    @Test func followsTwoRedirects() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        let result = try await fetcher.fetch(server.url("/redirect/2"), previous: nil)
        guard case .fetched(_, _, let finalURL) = result else {
            Issue.record("expected a fetched feed, got \(result)")
            return
        }
        #expect(finalURL == server.url("/feed.xml"))
    }

    @Test func moreThanFiveRedirectsFail() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        let error = try #require(await fetchError(server.url("/redirect/6")))
        #expect(error.kind == .network)
        #expect(error.description == "feed: more than 5 redirects fetching \(server.url("/redirect/6"))")
    }

    @Test func redirectsToOtherSchemesAreRefused() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        let error = try #require(await fetchError(server.url("/redirect-file")))
        #expect(error.kind == .network)
        #expect(error.description.contains("not http or https"))
    }

    @Test func clientErrorsNameTheStatusAndURL() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        let error = try #require(await fetchError(server.url("/status/404")))
        #expect(error.kind == .httpStatus(404))
        #expect(error.description == "feed: HTTP 404 Not Found from \(server.url("/status/404"))")
        #expect(!error.isTransient)
    }

    @Test func serverErrorsNameTheStatusAndAreTransient() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        let error = try #require(await fetchError(server.url("/status/500")))
        #expect(error.kind == .httpStatus(500))
        #expect(error.description == "feed: HTTP 500 Internal Server Error from \(server.url("/status/500"))")
        #expect(error.isTransient)
    }

    @Test func bodiesOverTheLimitAreAbortedWhileStreaming() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        let error = try #require(await fetchError(server.url("/huge")))
        #expect(error.kind == .tooLarge)
        #expect(error.description.contains("over the 10485760 byte limit"))
    }

    @Test func declaredOversizedBodiesAreRefusedUpFront() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        let clock = ContinuousClock()
        var error: FeedError?
        let elapsed = await clock.measure { error = await fetchError(server.url("/huge-declared")) }
        #expect(error?.kind == .tooLarge)
        #expect(elapsed < .seconds(2))
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        let clock = ContinuousClock()
        var error: FeedError?
        let elapsed = await clock.measure { error = await fetchError(server.url("/slow")) }
        #expect(error?.kind == .timeout)
        #expect(
            error?.description.hasPrefix("feed: no complete response from \(server.url("/slow")) within 2 s") == true)
        #expect(elapsed >= .milliseconds(1_900))
        #expect(elapsed < .seconds(6))
    }

    @Test func compressedResponsesAreDecoded() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        guard case .fetched(let data, _, _) = try await fetcher.fetch(server.url("/gzip"), previous: nil) else {
            Issue.record("expected a fetched feed")
            return
        }
        #expect(try FeedParser.parse(data, baseURL: nil).title == "Served")
    }

    @Test func aRefusedConnectionIsANetworkError() async throws {
        let error = try #require(await fetchError("http://127.0.0.1:1/feed.xml"))
        #expect(error.kind == .network)
        #expect(error.isTransient)
        #expect(error.description.hasPrefix("feed: cannot connect to http://127.0.0.1:1/feed.xml"))
    }

    @Test func fetchesRunConcurrently() async throws {
        let server = try await FeedTestServer.start()
        defer { server.stop() }
        let fetcher = self.fetcher
        let url = server.url("/feed.xml")
        let results = try await withThrowingTaskGroup(of: FeedFetchResult.self) { group in
            for _ in 0..<8 { group.addTask { try await fetcher.fetch(url, previous: nil) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
    }
}
