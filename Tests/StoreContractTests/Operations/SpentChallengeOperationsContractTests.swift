import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Spent signup challenges are accepted once, across transactions and processes, and forgotten
/// once expired; a confirm token keeps the name typed with its signup.
@Suite("Store contract: spent challenges and pending names")
struct SpentChallengeOperationsContractTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: StoreBackend.all)
    func aChallengeIsSpentOnce(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let later = now.addingTimeInterval(600)
        let first = try await store.transaction { try await $0.spendChallenge("abc", expiresAt: later, at: now) }
        let again = try await store.transaction { try await $0.spendChallenge("abc", expiresAt: later, at: now) }
        let other = try await store.transaction { try await $0.spendChallenge("def", expiresAt: later, at: now) }
        #expect([first, again, other] == [true, false, true])
    }

    @Test(arguments: StoreBackend.all)
    func aRolledBackSpendIsNotSpent(_ backend: StoreBackend) async throws {
        struct Planned: Error {}
        let store = try await backend.make()
        let later = now.addingTimeInterval(600)
        await #expect(throws: Planned.self) {
            try await store.transaction { tx in
                _ = try await tx.spendChallenge("abc", expiresAt: later, at: now)
                throw Planned()
            }
        }
        #expect(try await store.transaction { try await $0.spendChallenge("abc", expiresAt: later, at: now) })
    }

    @Test(arguments: StoreBackend.all)
    func expiredRecordsAreForgotten(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        _ = try await store.transaction { try await $0.spendChallenge("old", expiresAt: now, at: now) }
        // Still remembered up to its expiry, forgotten after (it could not be sent again anyway).
        let atExpiry = try await store.transaction { try await $0.spendChallenge("old", expiresAt: now, at: now) }
        let after = now.addingTimeInterval(1)
        let afterExpiry = try await store.transaction {
            try await $0.spendChallenge("old", expiresAt: after, at: after)
        }
        #expect(!atExpiry)
        #expect(afterExpiry)
    }

    @Test(arguments: StoreBackend.all)
    func aConfirmTokenKeepsThePendingName(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let name = "Олена <b>WIN</b> \u{0440}\u{0430}"
        let token = try await store.transaction { tx in
            let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("olena@example.org"))
            let record = TokenRecord(
                hash: String(repeating: "a", count: 64), purpose: .confirm, subscriberID: subscriber.id,
                newsletter: "news", createdAt: now, expiresAt: now.addingTimeInterval(3600), pendingName: name)
            try await tx.insertToken(record)
            return try await tx.token(hash: record.hash)
        }
        #expect(token?.pendingName == name)
    }
}
