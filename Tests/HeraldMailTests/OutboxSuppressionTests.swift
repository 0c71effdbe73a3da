import Foundation
import HeraldCore
import HeraldMail
import HeraldTestSupport
import Logging
import Testing

/// Mail queued before an address was suppressed is not sent.
@Suite("Outbox skips suppressed addresses")
struct OutboxSuppressionTests {
    @Test func mailToASuppressedAddressFailsWithTheReasonAndTheRestIsSent() async throws {
        let store = InMemoryStore()
        let ids = try await store.transaction { tx in
            var ids: [Int64] = []
            for address in ["kept@example.org", "Gone@Example.org", "also-kept@example.org"] {
                ids.append(
                    try await tx.enqueueMail(
                        OutboxDraft(
                            kind: .welcome, subscriberID: nil, throttleKey: nil,
                            mail: HeraldTestSupport.Fixtures.mail(to: address),
                            createdAt: HeraldTestSupport.Fixtures.now)))
            }
            return ids
        }
        try await SuppressionList(store: store).suppress(
            try EmailAddress(validating: "gone@example.org"), reason: .complaint, detail: nil)
        let transport = RecordingTransport()
        let worker = OutboxWorker(
            store: store, transport: transport, logger: Logger(label: "test"),
            now: { HeraldTestSupport.Fixtures.now.addingTimeInterval(1) })
        let round = try await worker.drain()
        #expect(round.sent == 2 && round.failed == 1)
        #expect(transport.messages.flatMap(\.recipients).sorted() == ["also-kept@example.org", "kept@example.org"])
        let dropped = try await store.transaction { try await $0.outboxMessage(id: ids[1]) }
        #expect(dropped?.state == .failed)
        #expect(dropped?.lastResult == "suppressed (complaint)")
    }
}
