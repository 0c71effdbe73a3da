import Foundation
import HTTPTypes
import HeraldCore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldApp

/// A newsletter in several languages has one archive per language: the page lists the issues of
/// its language (`?lang=`, else `Accept-Language` among the newsletter's languages, else the
/// newsletter's own).
@Suite("Archive per language")
struct ArchiveLanguageRouteTests {
    /// A harness whose `daily` is in Ukrainian and English, with a completed Ukrainian issue `p-uk`
    /// and a completed English one `p-en`.
    static func harness() async throws -> RouteHarness {
        var harness = try RouteHarness()
        harness.configuration.newsletters[1].language = "uk"
        harness.configuration.newsletters[1].languages = ["uk", "en"]
        let daily = harness.configuration.newsletters[1]
        try await harness.store.transaction { tx in
            try await tx.upsertNewsletter(daily)
            for (period, language) in [("p-uk", "uk"), ("p-en", "en")] {
                let issue = try await tx.createDigestIssue(
                    newsletter: "daily", period: period, edition: DigestEdition(of: daily, language: language),
                    articles: [], at: Fixtures.now)
                try await tx.completeDigestIssue(issueID: issue.id, at: Fixtures.now)
            }
        }
        return harness
    }

    @Test func theListShowsTheIssuesOfThePagesLanguage() async throws {
        try await Self.harness().run { client in
            let ukrainian = try await client.execute(uri: "/archive/daily", method: .get)
            #expect(ukrainian.status == .ok)
            #expect(ukrainian.text.contains("/archive/daily/p-uk") && !ukrainian.text.contains("/archive/daily/p-en"))
            let asked = try await client.execute(uri: "/archive/daily?lang=en", method: .get)
            #expect(asked.text.contains("/archive/daily/p-en") && !asked.text.contains("/archive/daily/p-uk"))
            let negotiated = try await client.execute(
                uri: "/archive/daily", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9"])
            #expect(negotiated.text.contains("/archive/daily/p-en"))
            let unoffered = try await client.execute(uri: "/archive/daily?lang=de&page=1", method: .get)
            #expect(unoffered.status == .ok && unoffered.text.contains("/archive/daily/p-uk"))
        }
    }

    @Test func anIssueAndTheFeedAnswerInTheirLanguageOnly() async throws {
        try await Self.harness().run { client in
            for (uri, status) in [
                ("/archive/daily/p-en", HTTPResponse.Status.notFound), ("/archive/daily/p-en?lang=en", .ok),
                ("/archive/daily/p-uk", .ok),
            ] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == status, "\(uri)")
            }
            let feed = try await client.execute(uri: "/archive/daily/feed.xml?lang=en", method: .get)
            #expect(feed.status == .ok && feed.text.contains("p-en") && !feed.text.contains("p-uk"))
        }
    }

    @Test func aRepeatedOrUnknownParameterIsABadRequest() async throws {
        try await Self.harness().run { client in
            for uri in ["/archive/daily?lang=en&lang=uk", "/archive/daily/p-uk?x=1", "/archive/daily?lang=en&x=1"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri)")
            }
        }
    }
}
