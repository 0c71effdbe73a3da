import Foundation
import HeraldCore
import HeraldMail
import HeraldTestSupport
import Logging
import Testing

/// While mail is flowing the worker picks new mail up within `busyPoll`, not `idlePoll`.
@Suite("Outbox polling")
struct OutboxPollingTests {
    private func enqueue(_ address: String, into store: InMemoryStore) async throws {
        _ = try await store.transaction { tx in
            try await tx.enqueueMail(
                OutboxDraft(kind: .welcome, subscriberID: nil, throttleKey: nil,
                    mail: HeraldTestSupport.Fixtures.mail(to: address), createdAt: HeraldTestSupport.Fixtures.now))
        }
    }

    /// A worker over an empty store polling every 5 minutes when idle and every 10 ms while busy (the
    /// waits below are generous: CPU-bound suites running in parallel can hold the cooperative pool).
    private func makeWorker() -> (InMemoryStore, RecordingTransport, OutboxWorker) {
        let store = InMemoryStore()
        let transport = RecordingTransport()
        let worker = OutboxWorker(
            store: store, transport: transport,
            policy: OutboxDeliveryPolicy(idlePoll: .seconds(300), busyPoll: .milliseconds(10), busyWindow: .seconds(300)),
            logger: Logger(label: "test"), now: { HeraldTestSupport.Fixtures.now.addingTimeInterval(1) })
        return (store, transport, worker)
    }

    private func waitUntil(_ transport: RecordingTransport, sent count: Int, within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if transport.messages.count >= count { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return transport.messages.count >= count
    }

    @Test func mailQueuedSoonAfterADeliveryIsSentWithinTheBusyPoll() async throws {
        let (store, transport, worker) = makeWorker()
        try await enqueue("first@example.org", into: store)
        let running = Task { await worker.run() }
        defer { running.cancel() }
        #expect(await waitUntil(transport, sent: 1, within: .seconds(60)))
        try await Task.sleep(for: .milliseconds(50))  // the worker found nothing and is polling again
        try await enqueue("second@example.org", into: store)
        #expect(await waitUntil(transport, sent: 2, within: .seconds(60)), "waited for the 5-minute idle poll")
    }

    @Test func anIdleWorkerSleepsTheIdlePoll() async throws {
        let (store, transport, worker) = makeWorker()
        let running = Task { await worker.run() }
        defer { running.cancel() }
        try await Task.sleep(for: .milliseconds(50))  // first round: nothing due, nothing sent before
        try await enqueue("late@example.org", into: store)
        #expect(await !waitUntil(transport, sent: 1, within: .milliseconds(500)))
    }
}
