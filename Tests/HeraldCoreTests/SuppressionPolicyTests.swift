import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Who may sign up again after an erasure, a bounce or a complaint, and what the signup does.
@Suite("Suppression policy for self signups")
struct SuppressionPolicyTests {
    let store = InMemoryStore()

    func service() -> SubscriptionService {
        SubscriptionService(
            store: store, composer: PlainMailComposer(), policy: SignupPolicy(mailInterval: .seconds(0)),
            signer: ManageLinkSigner(secret: "test-secret"), newsletters: Fixtures.newsletters,
            now: { Fixtures.now })
    }

    func signup(_ address: String) throws -> SignupRequest {
        SignupRequest(
            email: try EmailAddress(validating: address), name: nil, newsletters: ["news"],
            origin: RequestOrigin(ipAddress: "198.51.100.4", source: "form"))
    }

    func seedNewsletters() async throws {
        try await store.transaction { tx in for n in Fixtures.newsletters { try await tx.upsertNewsletter(n) } }
    }

    func outboxCount() async throws -> Int {
        try await store.transaction { try await $0.outboxSummary() }.counts.values.reduce(0, +)
    }

    @Test func anErasedPersonSigningUpAgainLiftsTheSuppression() async throws {
        try await seedNewsletters()
        _ = try await service().signUp(signup("jane@example.org"))
        let first = try await store.transaction { try await $0.subscriber(canonicalKey: "jane@example.org") }
        try await SubscriberAdministration(store: store).erase(subscriberID: try #require(first).id, actor: "test")
        let list = SuppressionList(store: store)
        #expect(try await list.entry(for: EmailAddress(validating: "jane@example.org"))?.reason == .erased)

        let outcome = try await service().signUp(signup("Jane@Example.org"))
        #expect(outcome == .confirmationQueued)
        #expect(!(try await list.isSuppressed(EmailAddress(validating: "jane@example.org"))))
        let again = try #require(
            try await store.transaction { try await $0.subscriber(canonicalKey: "jane@example.org") })
        let actions = try await store.transaction { try await $0.consentEvents(subscriberID: again.id) }.map(\.action)
        #expect(actions == [.signup, .suppressionLifted])
        #expect(try await outboxCount() == 1)
    }

    @Test(arguments: [SuppressionReason.hardBounce, .complaint, .softBounces, .admin])
    func aSuppressedNewAddressIsAnsweredButNothingIsRecordedOrSent(_ reason: SuppressionReason) async throws {
        try await seedNewsletters()
        try await SuppressionList(store: store).suppress(
            try EmailAddress(validating: "bob@example.org"), reason: reason, detail: nil)
        let outcome = try await service().signUp(signup("BOB@example.org"))
        #expect(outcome == .suppressed)
        #expect(try await store.transaction { try await $0.subscriberCount() } == 0)
        #expect(try await outboxCount() == 0)
        #expect(
            try await SuppressionList(store: store).entry(for: EmailAddress(validating: "bob@example.org"))?.reason
                == reason)
    }

    @Test func aConfirmedSubscriberWhoComplainedGetsNoAlreadySubscribedMail() async throws {
        try await seedNewsletters()
        _ = try await service().signUp(signup("kim@example.org"))
        let before = try await outboxCount()
        try await SuppressionList(store: store).suppress(
            try EmailAddress(validating: "kim@example.org"), reason: .complaint, detail: "arf")
        #expect(try await service().signUp(signup("kim@example.org")) == .suppressed)
        #expect(try await outboxCount() == before)
    }
}
