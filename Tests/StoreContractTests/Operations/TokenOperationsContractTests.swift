import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The promises every store backend keeps about `TokenOperations`.
@Suite("Store contract: TokenOperations")
struct TokenOperationsContractTests {
    @Test(arguments: StoreBackend.all)
    func tokensAreSingleUse(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let secret = TokenSecret.generate()
        let (first, second, stored) = try await store.transaction { tx in
            let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("a@example.org"))
            try await tx.insertToken(
                TokenRecord(
                    hash: secret.hash, purpose: .confirm, subscriberID: subscriber.id, newsletter: "news",
                    createdAt: Fixtures.now, expiresAt: Fixtures.now.addingTimeInterval(3600)))
            let first = try await tx.markTokenUsed(hash: secret.hash, at: Fixtures.now)
            let second = try await tx.markTokenUsed(hash: secret.hash, at: Fixtures.now)
            return (first, second, try await tx.token(hash: secret.hash))
        }
        #expect(first)
        #expect(!second)
        #expect(stored?.usedAt == Fixtures.now)
        #expect(stored?.purpose == .confirm)
        let unknown = try await store.transaction { try await $0.token(hash: TokenSecret.generate().hash) }
        #expect(unknown == nil)
    }
}
