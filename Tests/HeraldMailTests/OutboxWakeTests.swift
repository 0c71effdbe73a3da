import Foundation
import HeraldCore
import HeraldMail
import HeraldTestSupport
import Logging
import Testing

/// A ring of the wake signal makes an idle worker send new mail at once, not after `idlePoll`.
@Suite("Outbox wake-up")
struct OutboxWakeTests {
    @Test func anIdleWorkerSendsNewMailAsSoonAsItIsWoken() async throws {
        let wake = WakeSignal()
        let (store, transport, worker) = OutboxTestQueue.worker(
            OutboxDeliveryPolicy(idlePoll: .seconds(600), busyPoll: .seconds(600), busyWindow: .zero), wake: wake)
        let running = Task { await worker.run() }
        defer { running.cancel() }
        for (index, address) in ["first@example.org", "second@example.org", "third@example.org"].enumerated() {
            try await Task.sleep(for: .milliseconds(50))  // the worker found nothing and sleeps ten minutes
            try await OutboxTestQueue.enqueue(address, into: store)
            wake.ring()
            #expect(
                await OutboxTestQueue.waitUntil(transport, sent: index + 1),
                "mail \(index + 1) waited for the ten-minute poll")
        }
    }

    /// While mail is flowing (sent within `busyWindow`) the worker keeps its busy poll and does not
    /// answer every ring with a round of its own, which would send one message at a time.
    @Test func whileMailIsFlowingRingsDoNotCutTheBusyPollShort() async throws {
        let wake = WakeSignal()
        let (store, transport, worker) = OutboxTestQueue.worker(
            OutboxDeliveryPolicy(idlePoll: .seconds(600), busyPoll: .seconds(3), busyWindow: .seconds(600)), wake: wake)
        try await OutboxTestQueue.enqueue("first@example.org", into: store)
        let running = Task { await worker.run() }
        defer { running.cancel() }
        #expect(await OutboxTestQueue.waitUntil(transport, sent: 1))
        try await Task.sleep(for: .milliseconds(500))  // the worker found nothing more and polls in 3 s
        for index in 0..<3 {
            try await OutboxTestQueue.enqueue("next\(index)@example.org", into: store)
            wake.ring()
        }
        try await Task.sleep(for: .seconds(1))
        #expect(transport.messages.count == 1, "a ring cut the busy poll short")
        #expect(await OutboxTestQueue.waitUntil(transport, sent: 4))  // the next busy round takes all three
    }

    @Test func aWokenWorkerStopsWhenCancelled() async {
        let (_, _, worker) = OutboxTestQueue.worker(OutboxDeliveryPolicy(idlePoll: .seconds(600)), wake: WakeSignal())
        let running = Task { await worker.run() }
        try? await Task.sleep(for: .milliseconds(50))
        let started = ContinuousClock.now
        running.cancel()
        await running.value
        #expect(ContinuousClock.now - started < .seconds(60))
    }
}
