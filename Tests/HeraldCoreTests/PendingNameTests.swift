import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldCore

/// The name typed with a signup is stored and used only once the address owner confirms.
@Suite("Pending names")
struct PendingNameTests {
    let store = InMemoryStore()
    let composer = TokenCapture()
    let clock = LockedBox(Fixtures.now)

    func service() async throws -> SubscriptionService {
        try await store.transaction { tx in for n in Fixtures.newsletters { try await tx.upsertNewsletter(n) } }
        return SubscriptionService(
            store: store, composer: composer, policy: SignupPolicy(mailInterval: .seconds(0)),
            signer: ManageLinkSigner(secret: "s"), newsletters: Fixtures.newsletters, now: { [clock] in clock.value })
    }

    func signup(_ service: SubscriptionService, _ name: String?, _ newsletter: String = "news") async throws {
        clock.value = clock.value.addingTimeInterval(1)
        _ = try await service.signUp(
            SignupRequest(
                email: try EmailAddress(validating: "reader@example.org"), name: name, newsletters: [newsletter],
                origin: RequestOrigin()))
    }

    func storedName() async throws -> String? {
        try await store.transaction { try await $0.subscriber(canonicalKey: "reader@example.org") }?.name
    }

    @Test func theNameWaitsOnTheTokenAndBecomesTheNameOnConfirmation() async throws {
        let service = try await service()
        try await signup(service, "WIN $5000 https://spam.example")
        #expect(try await storedName() == nil)
        try await signup(service, "Olena")
        #expect(try await storedName() == nil)
        let secret = try #require(composer.latest)
        _ = try await service.confirm(secret, origin: RequestOrigin())
        #expect(try await storedName() == "Olena")
        // A later stranger's signup, even confirmed, never renames the reader.
        try await signup(service, "Mallory", "daily")
        let second = try #require(composer.latest)
        _ = try await service.confirm(second, origin: RequestOrigin())
        #expect(try await storedName() == "Olena")
    }

    @Test func underAttackAnUnconfirmedAddressGetsOneConfirmationADay() async throws {
        let service = try await service()
        for underAttack in [true, true, false] {
            clock.value = clock.value.addingTimeInterval(1)
            _ = try await service.signUp(
                SignupRequest(
                    email: try EmailAddress(validating: "victim@example.org"), name: nil, newsletters: ["news"],
                    origin: RequestOrigin(), underAttack: underAttack))
        }
        let count = try await store.transaction {
            try await $0.mailCount(throttleKey: "victim@example.org", kind: .confirmation, since: .distantPast)
        }
        #expect(count == 2)  // one under attack, one more once the normal limit (5) is back
    }
}

/// A composer that remembers the latest confirmation secret (and checks it never sees a name).
final class TokenCapture: SubscriptionMailComposer, @unchecked Sendable {
    private let lock = NSLock()
    private var secrets: [TokenSecret] = []

    var latest: TokenSecret? { lock.withLock { secrets.last } }

    func confirmationMail(_ request: ConfirmationMailRequest) throws -> OutgoingMail {
        #expect(request.subscriber.name == nil || request.subscriber.name == "Olena")
        lock.withLock { secrets.append(request.token) }
        return try PlainMailComposer().confirmationMail(request)
    }

    func alreadySubscribedMail(_ request: SubscriptionMailRequest) throws -> OutgoingMail {
        try PlainMailComposer().alreadySubscribedMail(request)
    }

    func welcomeMail(_ request: SubscriptionMailRequest) throws -> OutgoingMail {
        try PlainMailComposer().welcomeMail(request)
    }
}
