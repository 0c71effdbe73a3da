import Foundation
import HTTPTypes
import HeraldApp
import HeraldCore
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import HeraldServer

/// The subscriber's language through the admin API (#17): in the subscriber JSON, on create and
/// on `PATCH /api/v1/subscribers/{id}`; an unknown or hostile value is a field error listing the
/// offered languages and changes nothing.
extension AdminAPIRouteTests {
    /// The harness with `daily` in Ukrainian (offering English too) and `news` in English.
    static func bilingual() throws -> RouteHarness {
        var harness = try RouteHarness()
        harness.configuration.newsletters[1].language = "uk"
        harness.configuration.newsletters[1].languages = ["uk", "en"]
        return harness
    }

    @Test func theLanguageIsStoredOnCreateShownAndChanged() async throws {
        try await Self.bilingual().run { client in
            let created = try await client.json(
                "/api/v1/subscribers", .post,
                #"{"email": "olena@example.org", "newsletters": ["daily"], "language": "UK"}"#,
                expect: .created)
            #expect(created["language"] as? String == "uk")
            let id = try #require(created["id"] as? Int)
            let plain = try await client.json(
                "/api/v1/subscribers", .post, #"{"email": "petro@example.org", "newsletters": ["news"]}"#,
                expect: .created)
            #expect(plain["language"] as? String == "en")  // the newsletter's, recorded at signup

            let english = try await client.json("/api/v1/subscribers/\(id)", .patch, #"{"language": "en"}"#)
            #expect(english["language"] as? String == "en")
            let listed = try await client.json("/api/v1/subscribers?q=olena", .get)
            #expect((listed["items"] as? [[String: Any]])?.first?["language"] as? String == "en")
            let reset = try await client.json("/api/v1/subscribers/\(id)", .patch, #"{"language": null}"#)
            #expect(reset["language"] is NSNull)

            let audit = try await client.json("/api/v1/audit", .get)
            let actions = (audit["items"] as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
            #expect(actions.filter { $0 == "subscriber.language" }.count == 2, "\(actions)")
        }
    }

    @Test(arguments: [
        #""de""#, #""uk\r\nBcc: x@example.org""#, #""<script>alert(1)</script>""#,
        "\"" + String(repeating: "u", count: 10_240) + "\"",
    ])
    func anUnknownOrHostileLanguageIsAFieldErrorListingTheOfferedOnes(_ value: String) async throws {
        try await Self.bilingual().run { client in
            let refused = try await client.json(
                "/api/v1/subscribers", .post,
                #"{"email": "olena@example.org", "newsletters": ["daily"], "language": \#(value)}"#,
                expect: .unprocessableContent)
            let error = try #require(refused["error"] as? [String: Any])
            #expect(error["code"] as? String == "unknown_language")
            #expect(error["field"] as? String == "language")
            #expect(error["offered"] as? [String] == ["uk", "en"])
            #expect((error["message"] as? String)?.contains("\r\n") == false)
            #expect((error["message"] as? String)?.count ?? 0 < 300)
            let nobody = try await client.json("/api/v1/subscribers?q=olena", .get)
            #expect((nobody["items"] as? [[String: Any]])?.isEmpty == true)

            let added = try await client.json(
                "/api/v1/subscribers", .post,
                #"{"email": "olena@example.org", "newsletters": ["daily"], "language": "uk"}"#,
                expect: .created)
            let id = try #require(added["id"] as? Int)
            let unchanged = try await client.json(
                "/api/v1/subscribers/\(id)", .patch, #"{"language": \#(value)}"#, expect: .unprocessableContent)
            #expect((unchanged["error"] as? [String: Any])?["offered"] as? [String] == ["uk", "en"])
            let after = try await client.json("/api/v1/subscribers/\(id)", .get)
            #expect(after["language"] as? String == "uk")
        }
    }

    @Test func aLanguageOfTheWrongTypeOrInvalidUTF8IsRefused() async throws {
        try await Self.bilingual().run { client in
            let number = try await client.json(
                "/api/v1/subscribers", .post, #"{"email": "olena@example.org", "language": 7}"#,
                expect: .unprocessableContent)
            #expect((number["error"] as? [String: Any])?["code"] as? String == "invalid_type")
            let missing = try await client.json("/api/v1/subscribers/1", .patch, "{}", expect: .unprocessableContent)
            #expect((missing["error"] as? [String: Any])?["code"] as? String == "missing_field")
            var body = ByteBuffer(string: #"{"language": ""#)
            body.writeBytes([0xFF, 0xFE])
            body.writeString(#""}"#)
            let broken = try await client.execute(
                uri: "/api/v1/subscribers/1", method: .patch,
                headers: [.authorization: "Bearer \(RouteHarness.adminToken)", .contentType: "application/json"],
                body: body)
            #expect(broken.status == .badRequest)
            let unknown = try await client.json(
                "/api/v1/subscribers/999", .patch, #"{"language": "en"}"#, expect: .notFound)
            #expect((unknown["error"] as? [String: Any])?["code"] as? String == "subscriber_not_found")
        }
    }
}
