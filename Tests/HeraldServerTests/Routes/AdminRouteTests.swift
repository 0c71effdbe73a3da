import Foundation
import HTTPTypes
import HeraldCore
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldApp
@testable import HeraldServer

/// The admin API behind the real router's authentication middleware and error mapping.
@Suite("Routes: admin API authentication and errors")
struct AdminRouteTests {
    private let bearer: HTTPFields = [.authorization: "Bearer \(RouteHarness.adminToken)"]

    @Test func withoutOrWithAWrongTokenTheAnswerIs401WithAChallenge() async throws {
        try await RouteHarness().run { client in
            for headers: HTTPFields in [[:], [.authorization: "Bearer wrong-token"], [.authorization: "Basic YTpi"]] {
                let response = try await client.execute(uri: "/api/v1/stats", method: .get, headers: headers)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(!response.text.contains(RouteHarness.adminToken))
            }
        }
    }

    @Test func withTheTokenStatsCoverEveryNewsletter() async throws {
        try await RouteHarness().run { client in
            let response = try await client.execute(uri: "/api/v1/stats", method: .get, headers: bearer)
            #expect(response.status == .ok)
            let body = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
            let slugs = (body?["newsletters"] as? [[String: Any]])?.compactMap { $0["newsletter"] as? String }
            #expect(slugs == ["news", "daily"])
        }
    }

    @Test func badParametersMapToTypedJSONErrors() async throws {
        try await RouteHarness().run { client in
            let unknown = try await client.execute(uri: "/api/v1/stats?newsletter=nope", method: .get, headers: bearer)
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("unknown_newsletter"))
            let range = try await client.execute(
                uri: "/api/v1/stats?from=2026-01-01&to=2025-01-01", method: .get, headers: bearer)
            #expect(range.status == .unprocessableContent)
            #expect(range.text.contains("invalid_range"))
            let date = try await client.execute(uri: "/api/v1/stats?from=yesterday", method: .get, headers: bearer)
            #expect(date.status == .badRequest)
        }
    }

    @Test func withNoTokenConfiguredTheAdminAPIIsOff() async throws {
        var harness = try RouteHarness()
        harness.configuration.adminTokens = [:]
        try await harness.run { client in
            let response = try await client.execute(uri: "/api/v1/stats", method: .get, headers: bearer)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("admin_api_disabled"))
        }
    }
}
