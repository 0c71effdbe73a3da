import Foundation
import HeraldCore
import HeraldMail
import HeraldTestSupport
import Logging
import Testing

/// The outbox worker records a hard bounce, in the transaction that marks the mail failed.
@Suite("Outbox: hard bounces at send time")
struct OutboxBounceTests {
    struct FailingTransport: MailTransport {
        let failure: MailDeliveryError
        func send(_ mail: OutgoingMail) async throws(MailDeliveryError) -> MailReceipt { throw failure }
    }

    func deliver(_ failure: MailDeliveryError, recipients: [String] = ["gone@example.org"]) async throws
        -> (any SubscriberStore, OutboxRound)
    {
        let store = InMemoryStore()
        try await store.transaction { tx in
            var mail = HeraldTestSupport.Fixtures.mail(to: recipients[0])
            mail.recipients = recipients
            _ = try await tx.enqueueMail(
                OutboxDraft(
                    kind: .welcome, subscriberID: nil, throttleKey: nil, mail: mail,
                    createdAt: HeraldTestSupport.Fixtures.now))
        }
        let logger = Logger(label: "test")
        var worker = OutboxWorker(
            store: store, transport: FailingTransport(failure: failure), logger: logger,
            now: { HeraldTestSupport.Fixtures.now })
        worker.bounces = BounceService(
            store: store, policy: BouncePolicy(), logger: logger, now: { HeraldTestSupport.Fixtures.now })
        return (store, try await worker.drain())
    }

    func reason(_ store: any SubscriberStore, _ address: String) async throws -> SuppressionReason? {
        try await SuppressionList(store: store).entry(for: EmailAddress(validating: address))?.reason
    }

    @Test func a550ForTheOnlyRecipientSuppressesIt() async throws {
        let (store, round) = try await deliver(
            MailDeliveryError(kind: .permanent, replyCode: 550, message: "550 5.1.1 unknown"))
        #expect(round.failed == 1)
        #expect(try await reason(store, "gone@example.org") == .hardBounce)
    }

    @Test(arguments: [
        MailDeliveryError(kind: .permanent, replyCode: 535, message: "authentication failed"),
        MailDeliveryError(kind: .permanent, message: "TLS certificate could not be verified"),
        MailDeliveryError(kind: .permanent, replyCode: 552, message: "message too large"),
    ])
    func setUpAndMessageProblemsAreNotBounces(_ failure: MailDeliveryError) async throws {
        let (store, round) = try await deliver(failure)
        #expect(round.failed == 1)
        #expect(try await store.transaction { try await $0.suppressionCount() } == 0)
    }

    @Test func aRejectionOfAMailToSeveralRecipientsNamesNoOne() async throws {
        let failure = MailDeliveryError(kind: .permanent, replyCode: 550, message: "550 rejected")
        let (store, _) = try await deliver(failure, recipients: ["a@example.org", "b@example.org"])
        #expect(try await store.transaction { try await $0.suppressionCount() } == 0)
    }
}
