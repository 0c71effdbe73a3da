import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The promises every store backend keeps about a subscriber's stored language (migration 18).
@Suite("Store contract: subscribers' language")
struct SubscriberLanguageContractTests {
    @Test(arguments: StoreBackend.all)
    func languageIsNilUnlessGivenAndReadsBackEverywhere(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let ukrainian = NewSubscriber(
            email: "olena@example.org", smtpAddress: "olena@example.org", canonicalKey: "olena@example.org",
            name: nil, language: "uk", createdAt: Fixtures.now)
        let (plain, reader) = try await store.transaction { tx in
            let plain = try await tx.insertSubscriber(Fixtures.newSubscriber("plain@example.org"))
            let reader = try await tx.insertSubscriber(ukrainian)
            for id in [plain.id, reader.id] {
                try await tx.saveSubscription(
                    Subscription(
                        subscriberID: id, newsletter: "news", status: .confirmed, createdAt: Fixtures.now,
                        updatedAt: Fixtures.now))
            }
            return (plain, reader)
        }
        #expect(plain.language == nil)
        #expect(reader.language == "uk")
        let byKey = try await store.transaction { try await $0.subscriber(canonicalKey: "olena@example.org") }
        #expect(byKey?.language == "uk")
        let found = try await store.transaction {
            try await $0.searchSubscribers(SubscriberSearch(afterID: 0, limit: 10))
        }
        #expect(found.map(\.language) == [nil, "uk"])
        let exported = try await store.transaction {
            try await $0.exportPage(
                newsletter: "news", status: nil, afterSubscriberID: 0, afterNewsletter: "", limit: 10)
        }
        #expect(exported.map(\.subscriber.language) == [nil, "uk"])
        #expect(exported.map(\.subscription.newsletter) == ["news", "news"])
    }

    @Test(arguments: StoreBackend.all)
    func languageChangesAndClearsAndStampsTheTime(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let later = Fixtures.now.addingTimeInterval(60)
        let id = try await store.transaction {
            try await $0.insertSubscriber(Fixtures.newSubscriber("a@example.org")).id
        }
        try await store.transaction { try await $0.updateSubscriberLanguage(id: id, language: "uk", at: later) }
        let changed = try await store.transaction { try await $0.subscriber(id: id) }
        #expect(changed?.language == "uk")
        #expect(changed?.updatedAt == later)
        #expect(changed?.name == nil)
        try await store.transaction { try await $0.updateSubscriberLanguage(id: id, language: nil, at: later) }
        let cleared = try await store.transaction { try await $0.subscriber(id: id) }
        #expect(cleared?.language == nil)
    }

    @Test(arguments: StoreBackend.all)
    func changingTheLanguageOfNobodyIsNotFound(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        await #expect(throws: StoreError.self) {
            try await store.transaction {
                try await $0.updateSubscriberLanguage(id: 4242, language: "en", at: Fixtures.now)
            }
        }
    }
}
