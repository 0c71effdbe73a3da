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
        let store = InMemoryStore()
        let transport = RecordingTransport()
        var worker = OutboxWorker(
            store: store, transport: transport,
            policy: OutboxDeliveryPolicy(idlePoll: .seconds(600), busyPoll: .seconds(600), busyWindow: .seconds(600)),
            logger: Logger(label: "test"), now: { HeraldTestSupport.Fixtures.now.addingTimeInterval(1) })
        let wake = WakeSignal()
        worker.wake = wake
        let running = Task { await worker.run() }
        defer { running.cancel() }
        for (index, address) in ["first@example.org", "second@example.org", "third@example.org"].enumerated() {
            try await Task.sleep(for: .milliseconds(50))  // the worker found nothing and sleeps ten minutes
            _ = try await store.transaction { tx in
                try await tx.enqueueMail(
                    OutboxDraft(kind: .confirmation, subscriberID: nil, throttleKey: nil,
                        mail: HeraldTestSupport.Fixtures.mail(to: address), createdAt: HeraldTestSupport.Fixtures.now))
            }
            wake.ring()
            let deadline = ContinuousClock.now + .seconds(60)
            while transport.messages.count <= index, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(transport.messages.count == index + 1, "mail \(index + 1) waited for the ten-minute poll")
        }
    }

    @Test func aWokenWorkerStopsWhenCancelled() async {
        var worker = OutboxWorker(
            store: InMemoryStore(), transport: RecordingTransport(),
            policy: OutboxDeliveryPolicy(idlePoll: .seconds(600)), logger: Logger(label: "test"))
        worker.wake = WakeSignal()
        let running = Task { await worker.run() }
        try? await Task.sleep(for: .milliseconds(50))
        let started = ContinuousClock.now
        running.cancel()
        await running.value
        #expect(ContinuousClock.now - started < .seconds(60))
    }
}
