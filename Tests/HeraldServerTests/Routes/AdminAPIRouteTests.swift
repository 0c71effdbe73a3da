import Foundation
import HTTPTypes
import HeraldCore
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import HeraldApp
@testable import HeraldServer

/// Every admin API route through the real router: status, headers, the JSON it answers and the
/// error mapping (the Python suite checks the same API against its OpenAPI document).
@Suite("Routes: admin API")
struct AdminAPIRouteTests {
    private static let bearer: HTTPFields = [
        .authorization: "Bearer \(RouteHarness.adminToken)", .contentType: "application/json",
    ]

    @Test func aSubscriberIsAddedFoundChangedExportedAndErased() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let created = try await client.json(
                "/api/v1/subscribers", .post,
                #"{"email": "Olena@Example.org", "name": "Олена", "newsletters": ["news"], "status": "confirmed", "consent_note": "paper form, 2026-11-30"}"#,
                expect: .created)
            let id = try #require(created["id"] as? Int)
            #expect((created["consent_history"] as? [[String: Any]])?.isEmpty == false)

            let found = try await client.json("/api/v1/subscribers?q=olena&newsletter=news&status=confirmed", .get)
            #expect((found["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [id])
            #expect(found["next_cursor"] == nil, "one page only")

            let note = try await client.json(
                "/api/v1/subscribers/\(id)/subscriptions/news", .patch, #"{"status": "confirmed"}"#,
                expect: .unprocessableContent)
            #expect((note["error"] as? [String: Any])?["code"] as? String == "consent_note_required")
            let left = try await client.json(
                "/api/v1/subscribers/\(id)/subscriptions/news", .patch, #"{"status": "unsubscribed"}"#)
            #expect(left["status"] as? String == "unsubscribed")

            let export = try await client.json("/api/v1/subscribers/\(id)/export", .get)
            #expect(export["email"] as? String == "Olena@Example.org")
            #expect((export["consent_history"] as? [[String: Any]])?.count == 2)
            let erased = try await client.json("/api/v1/subscribers/\(id)", .delete)
            #expect(erased["erased"] as? Bool == true)
            let gone = try await client.json("/api/v1/subscribers/\(id)", .get, expect: .notFound)
            #expect((gone["error"] as? [String: Any])?["code"] as? String == "subscriber_not_found")

            let audit = try await client.json("/api/v1/audit", .get)
            let actions = (audit["items"] as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
            #expect(Set(actions).isSuperset(of: ["subscriber.erase", "subscriber.export"]), "\(actions)")
        }
    }

    @Test func aPendingAdditionQueuesOneConfirmationAndBadBodiesAreTypedErrors() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            _ = try await client.json(
                "/api/v1/subscribers", .post, #"{"email": "petro@example.org", "newsletters": ["news"]}"#,
                expect: .created)
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{"email": "not an address", "newsletters": ["news"]}"#, .unprocessableContent, "email"),
                (#"{"email": "a@example.org", "newsletters": ["nope"]}"#, .unprocessableContent, "newsletters"),
                (
                    #"{"email": "a@example.org", "newsletters": ["news"], "admin": true}"#, .unprocessableContent,
                    "admin"
                ),
                (#"{"email": "a@example.org"#, .badRequest, "malformed_json"),
                ("[1, 2]", .unprocessableContent, "invalid_type"),
            ]
            for (body, status, mentioned) in cases {
                let answer = try await client.execute(
                    uri: "/api/v1/subscribers", method: .post, headers: Self.bearer, body: ByteBuffer(string: body))
                #expect(answer.status == status, "\(body) → \(answer.status) \(answer.text)")
                #expect(answer.text.contains("\"error\""))
                #expect(answer.text.contains(mentioned))
            }
        }
        #expect(try await harness.queuedMail().counts[.pending] == 1)
    }

    @Test func newslettersTheirQueueIssuesAndReportsAreListed() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let newsletters = try await client.json("/api/v1/newsletters", .get)
            #expect(
                (newsletters["items"] as? [[String: Any]])?.compactMap { $0["slug"] as? String } == ["news", "daily"])

            let queued = try await client.json(
                "/api/v1/newsletters/news/queue", .post,
                #"{"title": "Вибори: підсумки", "url": "https://news.example.org/a/1"}"#, expect: .created)
            #expect(queued["title"] as? String == "Вибори: підсумки")
            let queue = try await client.json("/api/v1/newsletters/news/queue", .get)
            #expect((queue["items"] as? [[String: Any]])?.count == 1)

            let issue = try await harness.store.transaction { tx in
                try await tx.createDigestIssue(
                    newsletter: "news", period: "2026-11-30", edition: .single("en"),
                    articles: [
                        DigestArticle(
                            identity: "a1", linkIdentity: nil, title: "One", link: "https://news.example.org/a/1",
                            summaryHTML: "", summaryText: "", author: nil, published: nil, imageURL: nil)
                    ], at: harness.clock.now)
            }
            let issues = try await client.json("/api/v1/newsletters/news/digests", .get)
            #expect((issues["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [Int(issue.id)])
            #expect((issues["items"] as? [[String: Any]])?.compactMap { $0["language"] as? String } == ["en"])
            let report = try await client.json("/api/v1/newsletters/news/digests/\(issue.id)/report", .get)
            #expect(report["period"] as? String == "2026-11-30")
            let csv = try await client.execute(
                uri: "/api/v1/newsletters/news/digests/\(issue.id)/report.csv", method: .get, headers: Self.bearer)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.cacheControl] == "no-store")
            // Another newsletter's issue id, and an unknown newsletter, are not found.
            _ = try await client.json("/api/v1/newsletters/daily/digests/\(issue.id)/report", .get, expect: .notFound)
            _ = try await client.json("/api/v1/newsletters/nope/digests", .get, expect: .notFound)
        }
    }

    @Test func bounceReportsAreAllOrNothing() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let accepted = try await client.json(
                "/api/v1/bounces", .post, #"{"reports": [{"email": "gone@example.org", "kind": "hard"}]}"#)
            #expect(String(describing: accepted).contains("suppressed"))
            let refused = try await client.json(
                "/api/v1/bounces", .post,
                #"{"reports": [{"email": "x@example.org", "kind": "hard"}, {"email": "y@example.org", "kind": "angry"}]}"#,
                expect: .unprocessableContent)
            #expect(String(describing: refused).contains("reports[1]"))
        }
    }

    @Test func theOpenAPIDocumentIsPublicAndUnknownEndpointsAreJSON404s() async throws {
        try await RouteHarness().run { client in
            let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(document.status == .ok)
            #expect(document.headers[.contentType] == "application/json; charset=utf-8")
            #expect(document.text.contains("\"openapi\""))
            let unknown = try await client.execute(uri: "/api/v1/nothing-here", method: .get, headers: Self.bearer)
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("openapi.json"))
        }
    }
}

extension TestClientProtocol {
    /// Sends `body` (JSON) with the admin token and returns the JSON object answered, after
    /// checking the status and the headers every admin answer carries.
    func json(
        _ uri: String, _ method: HTTPRequest.Method, _ body: String? = nil, expect status: HTTPResponse.Status = .ok,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [String: Any] {
        let response = try await execute(
            uri: uri, method: method,
            headers: [.authorization: "Bearer \(RouteHarness.adminToken)", .contentType: "application/json"],
            body: body.map { ByteBuffer(string: $0) })
        #expect(response.status == status, "\(method) \(uri): \(response.text)", sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8", sourceLocation: sourceLocation)
        #expect(response.headers[.cacheControl] == "no-store", sourceLocation: sourceLocation)
        #expect(
            response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", sourceLocation: sourceLocation)
        return try #require(
            try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any],
            sourceLocation: sourceLocation)
    }
}
