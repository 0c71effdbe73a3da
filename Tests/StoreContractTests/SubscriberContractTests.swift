import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The promises every store backend keeps about subscribers, subscriptions, tokens and consent.
@Suite("Store contract: subscribers")
struct SubscriberContractTests {
    @Test(arguments: StoreBackend.all)
    func insertedSubscriberReadsBackByKeyAndID(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let inserted = try await store.transaction { tx in
            try await tx.insertSubscriber(Fixtures.newSubscriber("Jane@Example.org", name: "Jane 'O; DROP TABLE--"))
        }
        let byKey = try await store.transaction { try await $0.subscriber(canonicalKey: "jane@example.org") }
        let byID = try await store.transaction { try await $0.subscriber(id: inserted.id) }
        #expect(byKey == inserted)
        #expect(byID == inserted)
        #expect(inserted.email == "Jane@Example.org")
        #expect(inserted.name == "Jane 'O; DROP TABLE--")
        #expect(inserted.createdAt == Fixtures.now)
    }

    @Test(arguments: StoreBackend.all)
    func duplicateCanonicalKeyIsRejected(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        _ = try await store.transaction { try await $0.insertSubscriber(Fixtures.newSubscriber("jane@example.org")) }
        await #expect(throws: StoreError.self) {
            _ = try await store.transaction {
                try await $0.insertSubscriber(Fixtures.newSubscriber("JANE@example.org"))
            }
        }
        let count = try await store.transaction { try await $0.subscriberCount() }
        #expect(count == 1)
    }

    @Test(arguments: StoreBackend.all)
    func aThrowingTransactionLeavesNothingBehind(_ backend: StoreBackend) async throws {
        struct Abort: Error {}
        let store = try await backend.makeWithNewsletters()
        await #expect(throws: Abort.self) {
            try await store.transaction { tx in
                let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("a@example.org"))
                _ = try await tx.enqueueMail(
                    OutboxDraft(
                        kind: .confirmation, subscriberID: subscriber.id, throttleKey: "a@example.org",
                        mail: Fixtures.mail(to: "a@example.org"), createdAt: Fixtures.now))
                throw Abort()
            }
        }
        let (count, summary) = try await store.transaction { tx in
            (try await tx.subscriberCount(), try await tx.outboxSummary())
        }
        #expect(count == 0)
        #expect(summary.counts.isEmpty)
    }

    @Test(arguments: StoreBackend.all)
    func subscriptionsMoveThroughTheirStates(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let later = Fixtures.now.addingTimeInterval(60)
        let saved = try await store.transaction { tx in
            let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("a@example.org"))
            let pending = Subscription(
                subscriberID: subscriber.id, newsletter: "daily", status: .pending, createdAt: Fixtures.now,
                updatedAt: Fixtures.now)
            try await tx.saveSubscription(pending)
            try await tx.saveSubscription(pending.moved(to: .confirmed, at: later))
            return try await tx.subscriptions(subscriberID: subscriber.id)
        }
        #expect(saved.count == 1)
        #expect(saved.first?.status == .confirmed)
        #expect(saved.first?.confirmedAt == later)
        #expect(saved.first?.createdAt == Fixtures.now)
    }

    @Test(arguments: StoreBackend.all)
    func subscriptionToUnknownNewsletterIsRejected(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        await #expect(throws: StoreError.self) {
            try await store.transaction { tx in
                let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("a@example.org"))
                try await tx.saveSubscription(
                    Subscription(
                        subscriberID: subscriber.id, newsletter: "nope", status: .pending,
                        createdAt: Fixtures.now, updatedAt: Fixtures.now))
            }
        }
    }

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

    @Test(arguments: StoreBackend.all)
    func consentHistoryKeepsOrderAndDetails(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let events = try await store.transaction { tx in
            let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("a@example.org"))
            for action in [ConsentAction.signup, .confirm, .unsubscribe] {
                try await tx.appendConsent(
                    ConsentEvent(
                        subscriberID: subscriber.id, newsletter: "news", action: action,
                        ipAddress: "203.0.113.9", userAgent: "<script>", source: "https://news.example.org/a",
                        occurredAt: Fixtures.now))
            }
            return try await tx.consentEvents(subscriberID: subscriber.id)
        }
        #expect(events.map(\.action) == [.signup, .confirm, .unsubscribe])
        #expect(events.first?.userAgent == "<script>")
        #expect(events.first?.ipAddress == "203.0.113.9")
    }

    @Test(arguments: StoreBackend.all)
    func newslettersUpsertBySlug(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let listed = try await store.transaction { tx in
            try await tx.upsertNewsletter(Newsletter(slug: "news", title: "Renamed", sendsWelcome: false))
            return try await tx.newsletters()
        }
        #expect(listed.map(\.slug) == ["daily", "news"])
        #expect(listed.last?.title == "Renamed")
        #expect(listed.last?.sendsWelcome == false)
        #expect(listed.first?.timeZone == "Europe/Kyiv")
    }
}

/// Housekeeping: stale pending signups go, everything else stays.
@Suite("Store contract: purge")
struct PurgeContractTests {
    @Test(arguments: StoreBackend.all)
    func purgeRemovesOnlyStalePendingSignups(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let old = Fixtures.now
        let recent = Fixtures.now.addingTimeInterval(7200)
        let cutoff = Fixtures.now.addingTimeInterval(3600)
        let (removed, remaining) = try await store.transaction { tx in
            for newsletter in Fixtures.newsletters { try await tx.upsertNewsletter(newsletter) }
            let plan: [(String, Date, [(String, SubscriptionStatus)])] = [
                ("stale@example.org", old, [("news", .pending)]),
                ("fresh@example.org", recent, [("news", .pending)]),
                ("mixed@example.org", old, [("news", .pending), ("daily", .confirmed)]),
                ("gone@example.org", old, [("news", .unsubscribed)]),
            ]
            for (address, time, subscriptions) in plan {
                let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber(address, at: time))
                for (slug, status) in subscriptions {
                    try await tx.saveSubscription(
                        Subscription(
                            subscriberID: subscriber.id, newsletter: slug, status: status, createdAt: time,
                            updatedAt: time))
                }
            }
            let removed = try await tx.purgePending(before: cutoff)
            var remaining: [String] = []
            for address in plan.map(\.0) where try await tx.subscriber(canonicalKey: address) != nil {
                remaining.append(address)
            }
            return (removed, remaining)
        }
        #expect(removed == 1)
        #expect(remaining == ["fresh@example.org", "mixed@example.org", "gone@example.org"])
    }
}
