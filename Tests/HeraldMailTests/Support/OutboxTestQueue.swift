import Foundation
import HeraldCore
import HeraldMail
import HeraldTestSupport
import Logging

/// Helpers for the outbox worker tests: a worker over an empty store, queue one mail, wait until
/// the transport has seen some.
enum OutboxTestQueue {
    /// A worker with `policy` over a new in-memory store and recording transport, whose clock
    /// stands one second after the fixtures' time (so queued mail is due), woken by `wake` if given.
    static func worker(_ policy: OutboxDeliveryPolicy, wake: WakeSignal? = nil)
        -> (InMemoryStore, RecordingTransport, OutboxWorker)
    {
        let store = InMemoryStore()
        let transport = RecordingTransport()
        var worker = OutboxWorker(
            store: store, transport: transport, policy: policy, logger: Logger(label: "test"),
            now: { HeraldTestSupport.Fixtures.now.addingTimeInterval(1) })
        worker.wake = wake
        return (store, transport, worker)
    }

    /// Queues one confirmation mail to `address`, due at once; returns its outbox id.
    @discardableResult
    static func enqueue(_ address: String, into store: InMemoryStore) async throws -> Int64 {
        try await store.transaction { tx in
            try await tx.enqueueMail(
                OutboxDraft(
                    kind: .confirmation, subscriberID: nil, throttleKey: nil,
                    mail: HeraldTestSupport.Fixtures.mail(to: address), createdAt: HeraldTestSupport.Fixtures.now))
        }
    }

    /// Whether `transport` had sent `count` messages before `limit` passed.
    static func waitUntil(_ transport: RecordingTransport, sent count: Int, within limit: Duration = .seconds(60))
        async -> Bool
    {
        let deadline = ContinuousClock.now + limit
        while transport.messages.count < count, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return transport.messages.count >= count
    }
}
