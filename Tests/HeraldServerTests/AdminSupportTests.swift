import Foundation
import HeraldCore
import HeraldDefaults
import HeraldTestSupport
import Testing

@testable import HeraldApp
@testable import HeraldServer

/// Admin configuration, date parameters and the embedded OpenAPI document.
@Suite("Admin API support")
struct AdminSupportTests {
    private func load(_ yaml: String, environment: [String: String] = [:]) throws -> HeraldConfiguration {
        try ConfigurationTestLoading.load(yaml, environment: environment)
    }

    private func message(_ yaml: String, environment: [String: String] = [:]) -> String {
        ConfigurationTestLoading.message(yaml, environment: environment)
    }

    @Test func namedTokensJoinTheSingleToken() throws {
        let configuration = try load(
            """
            admin_token: single-token-0123456789abcdef
            admin_tokens:
              newsroom: newsroom-token-0123456789abcdef
              crm.sync: crm-token-0123456789abcdefghij
            """)
        #expect(
            configuration.adminTokens == [
                "admin": "single-token-0123456789abcdef", "newsroom": "newsroom-token-0123456789abcdef",
                "crm.sync": "crm-token-0123456789abcdefghij",
            ])
        let fromEnvironment = try load(
            "", environment: ["HERALD_ADMIN_TOKENS": "a=aaaaaaaaaaaaaaaaaaaaaaaaaaaa,b=bbbbbbbbbbbbbbbbbbbbbbbbbbbb"])
        #expect(
            fromEnvironment.adminTokens == ["a": "aaaaaaaaaaaaaaaaaaaaaaaaaaaa", "b": "bbbbbbbbbbbbbbbbbbbbbbbbbbbb"])
    }

    @Test func badTokensStopStartUpNamingTheKey() {
        let cases: [(String, String)] = [
            ("admin_tokens: {ops: short}", "admin tokens must be at least 24"),
            ("admin_tokens: {\"bad name\": long-enough-token-0123456789}", "admin token names use letters"),
            (
                "admin_tokens: {a: same-token-0123456789abcdef, b: same-token-0123456789abcdef}",
                "two admin tokens are the same"
            ),
            ("admin_tokens: {}", "list at least one"),
            ("admin_tokens: [x]", "expected a mapping"),
            ("admin_tokens: {ops: \"tab\\tin-token-0123456789abcdef\"}", "control characters"),
        ]
        for (yaml, expected) in cases {
            let text = message(yaml)
            #expect(text.contains("key 'admin_tokens'") || text.contains("admin_tokens"), "\(yaml): \(text)")
            #expect(text.contains(expected), "\(yaml): \(text)")
        }
        #expect(
            message("", environment: ["HERALD_ADMIN_TOKENS": "just-a-token-without-a-name-0123"]).contains("name=token")
        )
    }

    @Test func datesAreStrict() {
        #expect(AdminDates.parse("2026-11-25") == Date(timeIntervalSince1970: 1_795_564_800))
        #expect(AdminDates.parse("2026-11-25T08:00:00Z") == Date(timeIntervalSince1970: 1_795_564_800 + 8 * 3600))
        #expect(AdminDates.parse("2026-11-25T08:00:00.500+02:00") != nil)
        for bad in [
            "", "2026-13-01", "2026-02-30", "26-11-25", "2026-1-5", "yesterday", "2026-11-25 08:00", "٢٠٢٦-١١-٢٥",
        ] {
            #expect(AdminDates.parse(bad) == nil, "\(bad)")
        }
        #expect(AdminDates.dayString(0) == "1970-01-01")
        #expect(AdminDates.dayString(20_417) == "2025-11-25")
    }

    @Test func embeddedOpenAPIDocumentMatchesTheCheckedInFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = try Data(contentsOf: root.appendingPathComponent("openapi/admin.json"))
        #expect(Array(file) == BuiltInFiles.openAPIDocument, "the EmbedDefaults plugin embeds openapi/admin.json as is")
        #expect(try JSONSerialization.jsonObject(with: Data(BuiltInFiles.openAPIDocument)) is NSDictionary)
    }
}
