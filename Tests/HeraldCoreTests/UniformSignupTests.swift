import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldCore

/// Every self signup does each write of a first signup exactly once — for real or rehearsed and
/// undone — whatever state the address is in, and the rehearsal leaves nothing behind.
@Suite("Uniform signup work")
struct UniformSignupTests {
    let store = InMemoryStore()
    let clock = LockedBox(Fixtures.now)

    func service() -> SubscriptionService {
        let clock = clock
        return SubscriptionService(
            store: store, composer: PlainMailComposer(), policy: SignupPolicy(), signer: ManageLinkSigner(secret: "s"),
            newsletters: Fixtures.newsletters, now: { clock.value })
    }

    func signup(_ address: String, _ newsletters: [String] = ["news", "daily"]) throws -> SignupRequest {
        SignupRequest(
            email: try EmailAddress(validating: address), name: "Ann", newsletters: newsletters,
            origin: RequestOrigin(ipAddress: "198.51.100.7"))
    }

    /// Signs `address` up through the inner step and checks that done + missing is each write once.
    func expectEachWriteOnce(_ address: String, _ newsletters: [String] = ["news", "daily"]) async throws
        -> SignupOutcome
    {
        let service = service()
        let request = try signup(address, newsletters)
        let time = clock.value
        let result = try await store.transaction { tx in
            try await service.signUpRecordingWrites(
                request, in: tx, at: time, draft: service.confirmationDraft(request, at: time))
        }
        let missing = result.missing
        #expect(result.insertedSubscriber != missing.subscriber, "\(address): subscriber")
        #expect(result.savedSubscriptions + missing.subscriptions == result.requested, "\(address): subscriptions")
        #expect(result.insertedToken != missing.token, "\(address): token")
        #expect(result.queuedMail != missing.mail, "\(address): mail")
        return result.outcome
    }

    func seed() async throws {
        try await store.transaction { tx in for n in Fixtures.newsletters { try await tx.upsertNewsletter(n) } }
    }

    func setStatus(_ address: String, _ status: SubscriptionStatus) async throws {
        try await store.transaction { tx in
            let subscriber = try #require(try await tx.subscriber(canonicalKey: address))
            for slug in ["news", "daily"] {
                try await tx.saveSubscription(
                    Subscription(
                        subscriberID: subscriber.id, newsletter: slug, status: status, createdAt: Fixtures.now,
                        updatedAt: Fixtures.now))
            }
        }
    }

    @Test func everyAddressStateDoesEachWriteOfAFirstSignupOnce() async throws {
        try await seed()
        #expect(try await expectEachWriteOnce("new@example.org") == .confirmationQueued)
        #expect(try await expectEachWriteOnce("new@example.org") == .confirmationThrottled)  // pending, throttled
        _ = try await service().signUp(signup("c@example.org"))
        try await setStatus("c@example.org", .confirmed)
        #expect(try await expectEachWriteOnce("c@example.org") == .alreadySubscribedNotified)
        #expect(try await expectEachWriteOnce("c@example.org") == .alreadySubscribedThrottled)
        #expect(try await expectEachWriteOnce("c@example.org", ["news"]) == .alreadySubscribedThrottled)
        _ = try await service().signUp(signup("u@example.org"))
        try await setStatus("u@example.org", .unsubscribed)
        #expect(try await expectEachWriteOnce("u@example.org") == .confirmationThrottled)
        clock.value = Fixtures.now.addingTimeInterval(3600)
        #expect(try await expectEachWriteOnce("u@example.org") == .confirmationQueued)
        #expect(try await expectEachWriteOnce("new@example.org", ["daily"]) == .confirmationQueued)
    }

    @Test func theRehearsalLeavesNoRowBehindInAnyState() async throws {
        try await seed()
        let service = service()
        _ = try await service.signUp(signup("p@example.org"))
        _ = try await service.signUp(signup("c@example.org"))
        try await setStatus("c@example.org", .confirmed)
        try await SuppressionList(store: store).suppress(
            try EmailAddress(validating: "s@example.org"), reason: .admin, detail: nil)
        let before = try await snapshot()
        #expect(before.subscribers == 2 && before.mails == 2)
        #expect(try await service.signUp(signup("p@example.org")) == .confirmationThrottled)
        #expect(try await service.signUp(signup("s@example.org")) == .suppressed)
        #expect(try await service.signUp(signup("c@example.org")) == .alreadySubscribedNotified)
        #expect(try await service.signUp(signup("c@example.org")) == .alreadySubscribedThrottled)
        let after = try await snapshot()
        #expect(after.subscribers == 2)
        #expect(after.mails == 3)  // the one "already subscribed" mail; no rehearsed mail
        #expect(after.consents == before.consents + 2)  // the pending address's two newsletters, again
        #expect(try await store.transaction { try await $0.subscriber(canonicalKey: "s@example.org") } == nil)
    }

    /// On a store that indexes after commit (SQLite), a new address's rehearsal saves its first
    /// subscription again and undoes it: the signup leaves exactly a first signup's rows.
    @Test func aNewAddressesResavedSubscriptionIsUndoneOnSQLite() async throws {
        let sqlite = try await StoreBackend.sqlite.make()
        #expect(sqlite.indexesSubscribersAfterCommit && !store.indexesSubscribersAfterCommit)
        try await sqlite.transaction { tx in for n in Fixtures.newsletters { try await tx.upsertNewsletter(n) } }
        let clock = clock
        let service = SubscriptionService(
            store: sqlite, composer: PlainMailComposer(), policy: SignupPolicy(), signer: ManageLinkSigner(secret: "s"),
            newsletters: Fixtures.newsletters, now: { clock.value })
        #expect(try await service.signUp(signup("n@example.org")) == .confirmationQueued)
        let rows = try await sqlite.transaction { tx in
            let subscriber = try #require(try await tx.subscriber(canonicalKey: "n@example.org"))
            let news = try await tx.subscription(subscriberID: subscriber.id, newsletter: "news")
            return (news, try await tx.consentEvents(subscriberID: subscriber.id).count)
        }
        #expect(rows.0?.status == .pending && rows.0?.createdAt == Fixtures.now && rows.1 == 2)
    }

    /// The stand-in's key is as long as the address's (the search index writes one row per
    /// three-scalar piece), begins with U+007F (in no valid address), and varies with the nonce.
    @Test("the stand-in subscriber's key is as long as the address's and no address's key")
    func standInKeyShape() throws {
        let nonce = String(repeating: "ab12", count: 16)
        for key in [
            "fresh123@example.org", "a@b.c", "ab", "x", "олена@приклад.укр", String(repeating: "q", count: 254),
        ] {
            let standIn = SignupRehearsal.standInKey(like: key, nonce: nonce)
            #expect(standIn.unicodeScalars.count == key.unicodeScalars.count, "\(key)")
            #expect(standIn.unicodeScalars.first == "\u{7F}", "\(key)")
            #expect(standIn != key)
            #expect((try? EmailAddress(validating: standIn)) == nil, "\(key): a stand-in is no valid address")
        }
        let other = SignupRehearsal.standInKey(like: "fresh123@example.org", nonce: "cd34" + nonce)
        #expect(other != SignupRehearsal.standInKey(like: "fresh123@example.org", nonce: nonce))
        #expect(other.hasSuffix("example.org"))
    }

    func snapshot() async throws -> (subscribers: Int, mails: Int, consents: Int) {
        try await store.transaction { tx in
            var consents = 0
            for key in ["p@example.org", "c@example.org"] {
                if let subscriber = try await tx.subscriber(canonicalKey: key) {
                    consents += try await tx.consentEvents(subscriberID: subscriber.id).count
                }
            }
            return (
                try await tx.subscriberCount(), try await tx.outboxSummary().counts.values.reduce(0, +), consents
            )
        }
    }
}
