import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@Suite("Spent signup challenges")
struct SpentChallengesTests {
    @Test func aSolutionIsAcceptedOnceUntilItExpires() async throws {
        let spent = SpentChallenges(store: InMemoryStore())
        let expires = Fixtures.now.addingTimeInterval(300)
        #expect(try await spent.spend("c1", expiresAt: expires, at: Fixtures.now))
        #expect(try await !spent.spend("c1", expiresAt: expires, at: Fixtures.now.addingTimeInterval(299)))
        #expect(try await spent.spend("c2", expiresAt: expires, at: Fixtures.now))
        // Forgotten once expired (the signed challenge itself has expired by then too).
        #expect(
            try await spent.spend("c1", expiresAt: expires.addingTimeInterval(300), at: expires.addingTimeInterval(1)))
    }
}
