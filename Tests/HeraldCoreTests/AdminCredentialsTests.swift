import HeraldCore
import Testing

/// Admin tokens: named, matched exactly, compared through their SHA-256 digests.
@Suite("Admin credentials")
struct AdminCredentialsTests {
    private let credentials = AdminCredentials(tokens: [
        "newsroom": "newsroom-token-0123456789abcdef", "ops": "ops-token-0123456789abcdefghij",
    ])

    @Test func eachTokenYieldsItsName() {
        #expect(credentials.name(for: "newsroom-token-0123456789abcdef") == "newsroom")
        #expect(credentials.name(for: "ops-token-0123456789abcdefghij") == "ops")
        #expect(credentials.isEnabled)
    }

    @Test func nearMissesAreRefused() {
        for wrong in [
            "", "newsroom", "newsroom-token-0123456789abcde", "newsroom-token-0123456789abcdefX",
            "NEWSROOM-TOKEN-0123456789ABCDEF", " newsroom-token-0123456789abcdef\u{0}",
            "ops-token-0123456789abcdefghij\n",
        ] {
            #expect(credentials.name(for: wrong) == nil, "\(wrong.debugDescription)")
        }
    }

    @Test func bearerHeaderIsParsedStrictly() {
        #expect(credentials.name(forAuthorization: "Bearer ops-token-0123456789abcdefghij") == "ops")
        #expect(credentials.name(forAuthorization: "bearer ops-token-0123456789abcdefghij") == "ops")
        for header in [
            nil, "", "Bearer", "Bearer ", "Basic ops-token-0123456789abcdefghij", "ops-token-0123456789abcdefghij",
            "Bearer wrong-token-0123456789abcdef", "Bearerops-token-0123456789abcdefghij",
        ] {
            #expect(credentials.name(forAuthorization: header) == nil, "\(String(describing: header))")
        }
    }

    @Test func withoutTokensNothingMatches() {
        let none = AdminCredentials(tokens: [:])
        #expect(!none.isEnabled)
        #expect(none.name(for: "") == nil)
        #expect(none.name(forAuthorization: "Bearer anything-at-all-0123456789") == nil)
    }
}
