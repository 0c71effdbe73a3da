import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Signup reminders: which confirm tokens are due, and that a claim succeeds once.
@Suite("Store contract: signup reminders")
struct ReminderOperationsContractTests {
    let t0 = Fixtures.now

    func token(_ hash: String, _ subscriber: Int64, createdAt: Date, expiresIn hours: Double = 48) -> TokenRecord {
        TokenRecord(
            hash: hash, purpose: .confirm, subscriberID: subscriber, newsletter: "news", createdAt: createdAt,
            expiresAt: createdAt.addingTimeInterval(hours * 3600))
    }

    func setUp(_ store: any SubscriberStore) async throws -> (Int64, Int64) {
        try await store.transaction { tx in
            try await tx.upsertNewsletter(Fixtures.newsletters[0])
            let a = try await tx.insertSubscriber(Fixtures.newSubscriber("a@example.org"))
            let b = try await tx.insertSubscriber(Fixtures.newSubscriber("b@example.org"))
            return (a.id, b.id)
        }
    }

    @Test(arguments: StoreBackend.all)
    func onlyOldEnoughUnusedUnexpiredNewestTokensAreDue(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let (a, b) = try await setUp(store)
        let now = t0.addingTimeInterval(30 * 3600)
        try await store.transaction { tx in
            try await tx.insertToken(token("a-old", a, createdAt: t0))
            try await tx.insertToken(token("a-new", a, createdAt: t0.addingTimeInterval(60)))
            try await tx.insertToken(token("b-used", b, createdAt: t0))
            _ = try await tx.markTokenUsed(hash: "b-used", at: t0)
            try await tx.insertToken(token("b-expired", b, createdAt: t0.addingTimeInterval(-7200), expiresIn: 1))
            try await tx.insertToken(
                TokenRecord(
                    hash: "a-manage", purpose: .manage, subscriberID: a, newsletter: "news", createdAt: t0,
                    expiresAt: t0.addingTimeInterval(99_999)))
        }
        let due = try await store.transaction {
            try await $0.dueReminders(createdBefore: now.addingTimeInterval(-24 * 3600), now: now, limit: 10)
        }
        #expect(due.map(\.hash) == ["a-new"])
        let tooEarly = try await store.transaction {
            try await $0.dueReminders(createdBefore: t0.addingTimeInterval(30), now: now, limit: 10)
        }
        #expect(tooEarly.isEmpty)
    }

    @Test(arguments: StoreBackend.all)
    func aClaimSucceedsOnceEndsTheOldLinkAndTheReplacementIsNeverDue(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let (a, _) = try await setUp(store)
        try await store.transaction { try await $0.insertToken(token("old", a, createdAt: t0)) }
        let claimAt = t0.addingTimeInterval(25 * 3600)
        let replacement = TokenRecord(
            hash: "new", purpose: .confirm, subscriberID: a, newsletter: "news", createdAt: claimAt,
            expiresAt: t0.addingTimeInterval(48 * 3600))
        let first = try await store.transaction {
            try await $0.claimReminder(hash: "old", replacement: replacement, at: claimAt)
        }
        let second = try await store.transaction {
            try await $0.claimReminder(hash: "old", replacement: nil, at: claimAt)
        }
        #expect(first && !second)
        let (old, new) = try await store.transaction { tx in
            (try await tx.token(hash: "old"), try await tx.token(hash: "new"))
        }
        #expect(old?.expiresAt == claimAt)
        #expect(new == replacement)
        let later = t0.addingTimeInterval(47 * 3600)
        let due = try await store.transaction {
            try await $0.dueReminders(createdBefore: later, now: later, limit: 10)
        }
        #expect(due.isEmpty)
    }

    @Test(arguments: StoreBackend.all)
    func aClaimWithoutReplacementKeepsTheLinkAndAUsedTokenCannotBeClaimed(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let (a, b) = try await setUp(store)
        try await store.transaction { tx in
            try await tx.insertToken(token("keep", a, createdAt: t0))
            try await tx.insertToken(token("used", b, createdAt: t0))
            _ = try await tx.markTokenUsed(hash: "used", at: t0)
        }
        let at = t0.addingTimeInterval(3600)
        let (kept, used) = try await store.transaction { tx in
            (
                try await tx.claimReminder(hash: "keep", replacement: nil, at: at),
                try await tx.claimReminder(hash: "used", replacement: nil, at: at)
            )
        }
        #expect(kept && !used)
        #expect(
            try await store.transaction { try await $0.token(hash: "keep") }?.expiresAt
                == t0.addingTimeInterval(48 * 3600))
    }

    @Test(arguments: StoreBackend.all)
    func concurrentClaimsOfOneTokenSucceedOnce(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let (a, _) = try await setUp(store)
        try await store.transaction { try await $0.insertToken(token("race", a, createdAt: t0)) }
        let at = t0.addingTimeInterval(3600)
        let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let replacement = TokenRecord(
                        hash: "r\(index)", purpose: .confirm, subscriberID: a, newsletter: "news", createdAt: at,
                        expiresAt: at.addingTimeInterval(3600))
                    return try await store.transaction {
                        try await $0.claimReminder(hash: "race", replacement: replacement, at: at)
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(wins == 1)
    }
}
