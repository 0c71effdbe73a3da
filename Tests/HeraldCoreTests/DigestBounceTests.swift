import Foundation
import HeraldCore
import HeraldTestSupport
import Logging
import Testing

/// A recipient refused for good while a digest is sent is a hard bounce; set-up failures are not.
@Suite("Digest sends record hard bounces")
struct DigestBounceTests {
    /// Refuses recipients whose address starts with `prefix` with `failure`; accepts the rest.
    struct RefusingTransport: MailTransport {
        let prefix: String
        let failure: MailDeliveryError

        func send(_ mail: OutgoingMail) async throws(MailDeliveryError) -> MailReceipt {
            if mail.recipients.contains(where: { $0.hasPrefix(prefix) }) { throw failure }
            return MailReceipt(replyCode: 250, replyText: "ok")
        }
    }

    func send(failure: MailDeliveryError) async throws -> (any SubscriberStore, DigestRunSummary) {
        let store = try await DigestSharingTests.store(.memory, subscribers: 3)
        var logger = Logger(label: "test")
        logger.logLevel = .error
        var sender = DigestSender(
            store: store, source: DigestSharingTests.OneArticle(), composer: DigestSharingTests.PlainDigest(),
            transport: RefusingTransport(prefix: "r1@", failure: failure),
            signer: ManageLinkSigner(secret: "digest-bounce-test-secret-0123456789"), logger: logger)
        sender.bounces = BounceService(store: store, policy: BouncePolicy(), logger: logger, now: { Fixtures.now })
        let summary = try await sender.send(
            DigestSharingTests.daily, options: DigestSendOptions(period: "p", attempts: 1))
        return (store, summary)
    }

    @Test func aRejectedRecipientIsSuppressedAndTheOthersAreSent() async throws {
        let failure = MailDeliveryError(
            kind: .permanent, replyCode: 550, message: "smtp: mx replied 550 5.1.1 <r1@example.org>: no such user")
        let (store, summary) = try await send(failure: failure)
        #expect(summary.sent == 2)
        #expect(summary.failed == 1)
        let entry = try await SuppressionList(store: store).entry(for: EmailAddress(validating: "r1@example.org"))
        #expect(entry?.reason == .hardBounce)
        #expect(entry?.detail?.contains("r1@example.org") == false)
        let history = try await BounceService(store: store, policy: BouncePolicy(), logger: Logger(label: "t"))
            .history(of: EmailAddress(validating: "r1@example.org"))
        #expect(history.map(\.source) == [.smtp])
    }

    @Test func anAuthenticationFailureSuppressesNobody() async throws {
        let failure = MailDeliveryError(kind: .permanent, replyCode: 535, message: "smtp: authentication failed")
        let (store, _) = try await send(failure: failure)
        #expect(try await store.transaction { try await $0.suppressionCount() } == 0)
    }
}
