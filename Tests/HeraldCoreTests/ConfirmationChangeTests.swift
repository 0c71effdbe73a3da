import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// A confirmation reports which subscriptions it moved from pending to confirmed, so the
/// `herald_confirmations_total` counter counts state changes and a repeated POST adds nothing.
@Suite("Confirmations report what they changed")
struct ConfirmationChangeTests {
    let store = InMemoryStore()
    let origin = RequestOrigin(ipAddress: "192.0.2.1", source: "test")

    func service() -> SubscriptionService {
        SubscriptionService(
            store: store, composer: PlainMailComposer(), policy: SignupPolicy(mailInterval: .seconds(0)),
            signer: ManageLinkSigner(secret: "test-secret"), newsletters: Fixtures.newsletters,
            now: { Fixtures.now })
    }

    /// A pending reader@example.org for `slugs` and the secret of a confirmation token naming them.
    func pendingReader(_ slugs: [String]) async throws -> TokenSecret {
        try await store.transaction { tx in for n in Fixtures.newsletters { try await tx.upsertNewsletter(n) } }
        let secret = TokenSecret.generate()
        try await store.transaction { tx in
            let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("reader@example.org"))
            for slug in slugs {
                try await tx.saveSubscription(
                    Subscription(
                        subscriberID: subscriber.id, newsletter: slug, status: .pending, createdAt: Fixtures.now,
                        updatedAt: Fixtures.now))
            }
            try await tx.insertToken(
                TokenRecord(
                    hash: secret.hash, purpose: .confirm, subscriberID: subscriber.id,
                    newsletter: slugs.joined(separator: ","), createdAt: Fixtures.now,
                    expiresAt: Fixtures.now.addingTimeInterval(3600)))
        }
        return secret
    }

    func changed(_ result: ConfirmationResult) -> [String]? {
        guard case .confirmed(let preview) = result else { return nil }
        return preview.newlyConfirmed
    }

    @Test func confirmingTwiceChangesNothingTheSecondTime() async throws {
        let secret = try await pendingReader(["news"])
        #expect(changed(try await service().confirm(secret, origin: origin)) == ["news"])
        #expect(changed(try await service().confirm(secret, origin: origin)) == [])
        #expect(changed(try await service().confirm(secret, origin: origin)) == [])
    }

    @Test func everyNewsletterTheLinkConfirmsIsReported() async throws {
        let secret = try await pendingReader(["news", "daily"])
        #expect(changed(try await service().confirm(secret, origin: origin)) == ["news", "daily"])
    }

    @Test func thePreviewChangesNothing() async throws {
        let secret = try await pendingReader(["news"])
        #expect(changed(try await service().previewConfirmation(secret)) == [])
        #expect(changed(try await service().confirm(secret, origin: origin)) == ["news"])
    }
}
