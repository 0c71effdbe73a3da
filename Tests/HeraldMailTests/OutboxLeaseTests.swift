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
///
/// Time is a ``SteppedClock``: each send takes one and a half leases of it, and the test moves it
/// a third of a lease at a time, only once the store shows the sending worker's renewal for the
/// time it stands at. So the test checks the claims themselves, not how promptly a loaded machine
/// runs the renewal task (a real-time version failed once in a parallel `swift test` run whose
/// heartbeat was scheduled over two seconds late under a three-second lease).
@Suite("Outbox: a relay slower than the lease")
struct OutboxLeaseTests {
    static let lease = Duration.milliseconds(300)

    /// A transport whose every send lasts `duration` of `clock` and counts each recipient.
    final class SlowTransport: MailTransport {
        let clock: SteppedClock
        let duration: Duration
        let started = Mutex(0)
        let counts = Mutex<[String: Int]>([:])

        init(clock: SteppedClock, duration: Duration) {
            self.clock = clock
            self.duration = duration
        }

        func send(_ mail: OutgoingMail) async throws(MailDeliveryError) -> MailReceipt {
            let end = clock.now().addingTimeInterval(duration.seconds)
            started.withLock { $0 += 1 }
            while clock.now() < end { try? await Task.sleep(for: .milliseconds(1)) }
            counts.withLock { counts in for r in mail.recipients { counts[r, default: 0] += 1 } }
            return MailReceipt(replyCode: 250, replyText: "2.0.0 Ok")
        }

        var sent: Int { counts.withLock { $0.values.reduce(0, +) } }
    }

    @Test func twoWorkersSendEachMailOnceWhenOneSendOutlastsTheLease() async throws {
        let store = InMemoryStore()
        var ids: [Int64] = []
        for n in 0..<2 { ids.append(try await OutboxTestQueue.enqueue("slow\(n)@example.org", into: store)) }
        let clock = SteppedClock(HeraldTestSupport.Fixtures.now.addingTimeInterval(1))
        // The first worker's sends last one and a half leases; the second's are instant, so its
        // polls never wait for the clock this test moves.
        let transports = [
            SlowTransport(clock: clock, duration: Self.lease * 1.5), SlowTransport(clock: clock, duration: .zero),
        ]
        let policy = OutboxDeliveryPolicy(batchSize: 8, lease: Self.lease, concurrency: 1)
        let workers = transports.map { transport in
            OutboxWorker(
                store: store, transport: transport, policy: policy, logger: Logger(label: "test"), now: clock.now)
        }
        async let first = workers[0].drain()
        #expect(
            await SteppedClock.waitUntil(within: .seconds(180)) { transports[0].started.withLock { $0 } > 0 },
            "the first send started")
        // The second worker polls at every step while the first sends its batch (three leases).
        var claimedBySecond = 0
        var patience = Duration.seconds(180)  // a bound against hanging, not a timing assertion
        for _ in 0..<40 where transports[0].sent < 2 {
            let renewed = try await SteppedClock.waitUntil(within: patience) {
                try await Self.leasesRunAStepAhead(ids, store, clock)
            }
            #expect(renewed, "the sending worker renewed its claims at \(clock.now())")
            if !renewed { patience = .zero }  // play the rest out without waiting, to see what breaks
            claimedBySecond += try await workers[1].deliverDue().claimed
            clock.advance(by: Self.lease / 3)
        }
        let firstRound = try await first
        #expect(firstRound.sent == 2)
        #expect(claimedBySecond == 0)
        let counts = transports.map { $0.counts.withLock { $0 } }.reduce(into: [:]) {
            $0.merge($1, uniquingKeysWith: +)
        }
        #expect(counts == ["slow0@example.org": 1, "slow1@example.org": 1])
        let summary = try await store.transaction { try await $0.outboxSummary() }
        #expect(summary.counts[.sent] == 2)
    }

    /// Whether every row still being sent is leased for a whole lease past the clock's time: the
    /// keeper has renewed it since the clock last moved.
    static func leasesRunAStepAhead(_ ids: [Int64], _ store: InMemoryStore, _ clock: SteppedClock) async throws
        -> Bool
    {
        let horizon = clock.now().addingTimeInterval(lease.seconds)
        for id in ids {
            let message = try await store.transaction { try await $0.outboxMessage(id: id) }
            if let message, message.state == .sending, message.nextAttemptAt < horizon { return false }
        }
        return true
    }
}
