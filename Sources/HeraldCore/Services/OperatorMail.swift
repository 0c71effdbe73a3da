import Foundation

/// Queues mail the operator asks for that belongs to no subscriber (`herald doctor --send-test`):
/// it leaves through the outbox like every other mail.
public struct OperatorMail: Sendable {
    let store: ScopedStore<any OutboxOperations>
    let now: @Sendable () -> Date

    public init(store: any SubscriberStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = ScopedStore(store) { $0 }
        self.now = now
    }

    /// Commits `mail` to the outbox and returns its id.
    public func queue(_ mail: OutgoingMail) async throws -> Int64 {
        try await store.transaction { tx in
            try await tx.enqueueMail(
                OutboxDraft(kind: .other, subscriberID: nil, throttleKey: nil, mail: mail, createdAt: now()))
        }
    }
}
