import Foundation
import HeraldCore
import HeraldTestSupport
import Logging
import Testing

/// A suppressed address receives no digest: its delivery is recorded `skipped` with the reason.
@Suite("Digest sends skip suppressed addresses")
struct DigestSuppressionTests {
    func send(suppressing addresses: [String], subscribers: Int, batchSize: Int) async throws
        -> (any SubscriberStore, RecordingTransport, DigestRunSummary)
    {
        let store = try await DigestSharingTests.store(.memory, subscribers: subscribers)
        for address in addresses {
            try await SuppressionList(store: store).suppress(
                try EmailAddress(validating: address), reason: .complaint, detail: nil)
        }
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let transport = RecordingTransport()
        let sender = DigestSender(
            store: store, source: DigestSharingTests.OneArticle(), composer: DigestSharingTests.PlainDigest(),
            transport: transport, signer: ManageLinkSigner(secret: "digest-suppression-test-secret-0123"),
            logger: logger)
        let summary = try await sender.send(
            DigestSharingTests.daily, options: DigestSendOptions(period: "p", batchSize: batchSize, attempts: 1))
        return (store, transport, summary)
    }

    @Test func aSuppressedRecipientIsSkippedWithTheReason() async throws {
        let (store, transport, summary) = try await send(
            suppressing: ["R1@example.org"], subscribers: 3, batchSize: 500)
        #expect(transport.messages.flatMap(\.recipients).sorted() == ["r0@example.org", "r2@example.org"])
        #expect(summary.sent == 2 && summary.outcome == .completed)
        let progress = try await store.transaction { tx in
            let issue = try await tx.digestIssue(newsletter: DigestSharingTests.daily.slug, period: "p", language: "en")
            return try await tx.digestProgress(issueID: issue?.id ?? 0, failureLimit: 10)
        }
        #expect(progress.counts[.skipped] == 1 && progress.open == 0)
    }

    @Test func wholeBatchesOfSuppressedRecipientsDoNotEndTheRun() async throws {
        let (_, transport, summary) = try await send(
            suppressing: ["r0@example.org", "r1@example.org", "r2@example.org"], subscribers: 5, batchSize: 1)
        #expect(transport.messages.flatMap(\.recipients).sorted() == ["r3@example.org", "r4@example.org"])
        #expect(summary.outcome == .completed)
    }
}
