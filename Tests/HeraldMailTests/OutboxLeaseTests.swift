import Foundation
import HeraldCore
import HeraldMail
import HeraldTestSupport
import Logging
import Synchronization
import Testing

/// Two outbox workers (two processes) on one store, a relay slower than the lease: the worker
/// sending a batch keeps its claims while the sends are in flight, so the other never sends a
/// row twice.
@Suite("Outbox: a relay slower than the lease")
struct OutboxLeaseTests {
    /// A transport that takes `delay` per message and counts each recipient.
    final class SlowTransport: MailTransport {
        let delay: Duration
        let counts = Mutex<[String: Int]>([:])

        init(delay: Duration) { self.delay = delay }

        func send(_ mail: OutgoingMail) async throws(MailDeliveryError) -> MailReceipt {
            try? await Task.sleep(for: delay)
            counts.withLock { counts in for r in mail.recipients { counts[r, default: 0] += 1 } }
            return MailReceipt(replyCode: 250, replyText: "2.0.0 Ok")
        }
    }

    @Test func twoWorkersSendEachMailOnceWhenOneSendOutlastsTheLease() async throws {
        let store = InMemoryStore()
        for n in 0..<2 { try await OutboxTestQueue.enqueue("slow\(n)@example.org", into: store) }
        let transport = SlowTransport(delay: .milliseconds(4500))
        let policy = OutboxDeliveryPolicy(batchSize: 8, lease: .seconds(3), concurrency: 1)
        let workers = (0..<2).map { _ in
            OutboxWorker(store: store, transport: transport, policy: policy, logger: Logger(label: "test"))
        }
        async let first = workers[0].drain()
        try await Task.sleep(for: .milliseconds(100))
        // The second worker keeps polling while the first sends its batch (9 s, three leases).
        var claimedBySecond = 0
        for _ in 0..<40 {
            claimedBySecond += try await workers[1].deliverDue().claimed
            try await Task.sleep(for: .milliseconds(250))
        }
        let firstRound = try await first
        #expect(firstRound.sent == 2)
        #expect(claimedBySecond == 0)
        let counts = transport.counts.withLock { $0 }
        #expect(counts == ["slow0@example.org": 1, "slow1@example.org": 1])
        let summary = try await store.transaction { try await $0.outboxSummary() }
        #expect(summary.counts[.sent] == 2)
    }
}
