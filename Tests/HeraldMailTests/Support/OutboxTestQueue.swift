import Foundation
import HeraldCore
import HeraldTestSupport

/// Helpers for the outbox worker tests: queue one mail, wait until the transport has seen some.
enum OutboxTestQueue {
    /// Queues one confirmation mail to `address`, due at once.
    static func enqueue(_ address: String, into store: InMemoryStore) async throws {
        _ = try await store.transaction { tx in
            try await tx.enqueueMail(
                OutboxDraft(kind: .confirmation, subscriberID: nil, throttleKey: nil,
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
