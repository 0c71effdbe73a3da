import Foundation
import HeraldCore
import HeraldMail
import HeraldTestSupport
import Logging
import Testing

/// While mail is flowing the worker picks new mail up within `busyPoll`, not `idlePoll`.
@Suite("Outbox polling")
struct OutboxPollingTests {
    /// A worker over an empty store polling every 5 minutes when idle and every 10 ms while busy (the
    /// waits below are generous: CPU-bound suites running in parallel can hold the cooperative pool).
    private func makeWorker() -> (InMemoryStore, RecordingTransport, OutboxWorker) {
        OutboxTestQueue.worker(
            OutboxDeliveryPolicy(idlePoll: .seconds(300), busyPoll: .milliseconds(10), busyWindow: .seconds(300)))
    }

    @Test func mailQueuedSoonAfterADeliveryIsSentWithinTheBusyPoll() async throws {
        let (store, transport, worker) = makeWorker()
        try await OutboxTestQueue.enqueue("first@example.org", into: store)
        let running = Task { await worker.run() }
        defer { running.cancel() }
        #expect(await OutboxTestQueue.waitUntil(transport, sent: 1, within: .seconds(60)))
        try await Task.sleep(for: .milliseconds(50))  // the worker found nothing and is polling again
        try await OutboxTestQueue.enqueue("second@example.org", into: store)
        #expect(
            await OutboxTestQueue.waitUntil(transport, sent: 2, within: .seconds(60)),
            "waited for the 5-minute idle poll")
    }

    @Test func anIdleWorkerSleepsTheIdlePoll() async throws {
        let (store, transport, worker) = makeWorker()
        let running = Task { await worker.run() }
        defer { running.cancel() }
        try await Task.sleep(for: .milliseconds(50))  // first round: nothing due, nothing sent before
        try await OutboxTestQueue.enqueue("late@example.org", into: store)
        #expect(await !OutboxTestQueue.waitUntil(transport, sent: 1, within: .milliseconds(500)))
    }
}
