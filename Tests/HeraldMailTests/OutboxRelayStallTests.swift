import Foundation
import HeraldCore
import HeraldMail
import HeraldTestSupport
import Logging
import Synchronization
import Testing

/// The outbox worker backs off globally when the relay stops answering: after `stallLimit`
/// consecutive failures of one kind it tries no more of the batch and puts the rest back without
/// counting an attempt, instead of waiting out each message's timeout and backoff on its own.
@Suite("Outbox: a stalled relay")
struct OutboxRelayStallTests {
    /// Fails every send like a relay that stopped answering, counting the attempts.
    final class SilentRelay: MailTransport {
        let attempts = Mutex(0)
        let failure: MailDeliveryError

        init(_ kind: RelayStall.Kind, code: Int? = nil) {
            failure = MailDeliveryError(
                kind: .transient, replyCode: code, message: "relay trouble",
                stall: RelayStall(kind: kind, relay: "relay.example.org:25"))
        }

        func send(_ mail: OutgoingMail) async throws(MailDeliveryError) -> MailReceipt {
            attempts.withLock { $0 += 1 }
            throw failure
        }
    }

    private func queue(_ count: Int) async throws -> InMemoryStore {
        let store = InMemoryStore()
        try await store.transaction { tx in
            for index in 0..<count {
                _ = try await tx.enqueueMail(
                    OutboxDraft(
                        kind: .welcome, subscriberID: nil, throttleKey: nil,
                        mail: HeraldTestSupport.Fixtures.mail(to: "r\(index)@example.org"),
                        createdAt: HeraldTestSupport.Fixtures.now))
            }
        }
        return store
    }

    @Test(
        arguments: [(RelayStall.Kind.timeout, nil), (.refused, nil), (.unavailable, 421)] as [(RelayStall.Kind, Int?)])
    func theRoundStopsAfterTheLimitAndPutsTheRestBackUntried(_ kind: RelayStall.Kind, _ code: Int?) async throws {
        let store = try await queue(20)
        let relay = SilentRelay(kind, code: code)
        let worker = OutboxWorker(
            store: store, transport: relay,
            policy: OutboxDeliveryPolicy(batchSize: 20, concurrency: 2, stallLimit: 5),
            logger: Logger(label: "test"), now: { HeraldTestSupport.Fixtures.now })
        let round = try await worker.drain()
        let tried = relay.attempts.withLock { $0 }
        #expect(round.stall?.stall == RelayStall(kind: kind, relay: "relay.example.org:25"))
        #expect(round.stall?.count == 5)
        #expect((5...6).contains(tried), "tried \(tried) messages of a stalled relay")
        let messages = try await store.transaction { tx in
            var found: [OutboxMessage] = []
            for id in Int64(1)...20 { if let message = try await tx.outboxMessage(id: id) { found.append(message) } }
            return found
        }
        #expect(messages.count == 20 && messages.allSatisfy { $0.state == .pending })
        #expect(messages.filter { $0.attempts == 1 }.count == tried)
        #expect(messages.filter { $0.attempts == 0 }.count == 20 - tried)
    }

    @Test func failuresOfOtherKindsOrASuccessInBetweenDoNotTrip() {
        let breaker = RelayBreaker(limit: 3)
        let timeout = MailDeliveryError(
            kind: .transient, message: "t", stall: RelayStall(kind: .timeout, relay: "r:25"))
        let refused = MailDeliveryError(
            kind: .transient, message: "r", stall: RelayStall(kind: .refused, relay: "r:25"))
        let mailboxBusy = MailDeliveryError(kind: .transient, replyCode: 450, message: "mailbox busy")
        for failure in [timeout, timeout, refused, refused, mailboxBusy, timeout, timeout] { breaker.failed(failure) }
        breaker.succeeded()
        #expect(!breaker.failed(timeout) && !breaker.failed(timeout) && breaker.trip == nil)
        #expect(breaker.failed(timeout) && breaker.trip?.count == 3)
        breaker.reset()
        #expect(breaker.trip == nil)
    }
}
