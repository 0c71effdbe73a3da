import Foundation
import HeraldCore
import HeraldTestSupport
import HeraldWebhooks
import Logging
import Testing

/// A transport that answers from a script and keeps every request.
final class ScriptedTransport: WebhookTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [WebhookResponse]
    private(set) var requests: [WebhookRequest] = []

    init(_ answers: [WebhookResponse]) { self.answers = answers }

    func post(_ request: WebhookRequest) async -> WebhookResponse {
        lock.withLock {
            requests.append(request)
            return answers.isEmpty ? .answered(status: 200, excerpt: "") : answers.removeFirst()
        }
    }

    var sent: [WebhookRequest] { lock.withLock { requests } }
}

/// The delivery state machine: pending → sending → delivered | pending (retry) | failed.
@Suite("Webhook worker")
struct WebhookWorkerTests {
    let store = InMemoryStore()
    let clock = LockedBox(Fixtures.now)
    let endpoint = WebhookEndpoint(url: "http://127.0.0.1:9/hook", secret: "a-secret-of-at-least-24-chars")

    func worker(_ transport: ScriptedTransport, maxAttempts: Int = 3, owner: String = "w1") -> WebhookWorker {
        let clock = clock
        return WebhookWorker(
            store: store, transport: transport, endpoints: [endpoint],
            policy: OutboxDeliveryPolicy(
                batchSize: 10, lease: .seconds(60), maxAttempts: maxAttempts, initialBackoff: .seconds(30),
                maxBackoff: .seconds(3600), idlePoll: .milliseconds(10), concurrency: 2),
            logger: Logger(label: "test"), now: { clock.value }, owner: owner)
    }

    @discardableResult
    func enqueue(_ url: String? = nil) async throws -> Int64 {
        let event = WebhookEvent(
            id: "evt-1", type: .confirmed, createdAt: Fixtures.now, subscriberID: 4, email: "r@example.org",
            newsletter: "news")
        return try await store.transaction { tx in
            try await tx.enqueueWebhook(
                WebhookDraft(
                    eventID: event.id, eventType: event.type, endpointURL: url ?? endpoint.url, subscriberID: 4,
                    body: try event.jsonBody(), createdAt: Fixtures.now))
        }
    }

    func row(_ id: Int64) async throws -> WebhookDelivery? {
        try await store.transaction { try await $0.webhookDelivery(id: id) }
    }

    @Test func aSuccessfulPostIsSignedAndRecordedOnce() async throws {
        let id = try await enqueue()
        let transport = ScriptedTransport([.answered(status: 204, excerpt: "")])
        let round = try await worker(transport).drain()
        #expect(round.delivered == 1)
        #expect(try await row(id)?.state == .delivered)
        #expect(try await row(id)?.attempts == 1)
        let request = try #require(transport.sent.first)
        #expect(request.headers.contains("Herald-Event-Id: evt-1"))
        #expect(request.headers.contains("Content-Type: application/json"))
        let signature = try #require(request.headers.first { $0.hasPrefix("Herald-Signature: ") })
            .dropFirst("Herald-Signature: ".count)
        #expect(
            WebhookSignature.verify(
                header: String(signature), secret: endpoint.secret, body: request.body, now: clock.value))
        #expect(try await worker(transport).drain().claimed == 0)
        #expect(transport.sent.count == 1)
    }

    @Test func failuresAreRetriedWithBackoffUntilOneSucceeds() async throws {
        let id = try await enqueue()
        let transport = ScriptedTransport([
            .answered(status: 500, excerpt: "oops"), .unreachable("connection refused"),
            .answered(status: 200, excerpt: "ok"),
        ])
        let first = try await worker(transport).drain()
        #expect(first.retried == 1)
        let afterFirst = try #require(try await row(id))
        #expect(afterFirst.state == .pending)
        #expect(afterFirst.lastResult == "HTTP 500: oops")
        let delay = afterFirst.nextAttemptAt.timeIntervalSince(clock.value)
        #expect(delay >= 22.5 && delay <= 37.5)
        #expect(try await worker(transport).drain().claimed == 0)

        clock.value = afterFirst.nextAttemptAt
        #expect(try await worker(transport).drain().retried == 1)
        let afterSecond = try #require(try await row(id))
        #expect(afterSecond.lastResult == "connection refused")
        #expect(afterSecond.nextAttemptAt.timeIntervalSince(clock.value) >= 45)

        clock.value = afterSecond.nextAttemptAt
        #expect(try await worker(transport).drain().delivered == 1)
        #expect(try await row(id)?.state == .delivered)
        #expect(try await row(id)?.attempts == 3)
        #expect(transport.sent.count == 3)
    }

    @Test func retriesStopAtMaxAttempts() async throws {
        let id = try await enqueue()
        let transport = ScriptedTransport(Array(repeating: .answered(status: 503, excerpt: ""), count: 5))
        for _ in 0..<2 {
            _ = try await worker(transport, maxAttempts: 2).drain()
            clock.value = clock.value.addingTimeInterval(7200)
        }
        #expect(try await row(id)?.state == .failed)
        #expect(try await row(id)?.attempts == 2)
        #expect(try await row(id)?.lastResult == "HTTP 503")
        #expect(try await worker(transport, maxAttempts: 2).drain().claimed == 0)
    }

    @Test func anEndpointNoLongerConfiguredFailsWithoutAPost() async throws {
        let id = try await enqueue("https://removed.example/hook")
        let transport = ScriptedTransport([])
        #expect(try await worker(transport).drain().failed == 1)
        #expect(try await row(id)?.lastResult == "endpoint no longer configured")
        #expect(transport.sent.isEmpty)
    }

    @Test func aWorkerWhoseLeaseWasTakenOverCannotRecordItsOutcome() async throws {
        let id = try await enqueue()
        _ = try await store.transaction { tx in
            try await tx.claimDueWebhooks(owner: "dead", now: clock.value, limit: 1, leaseUntil: clock.value + 60)
        }
        #expect(try await worker(ScriptedTransport([])).drain().claimed == 0)
        clock.value = clock.value.addingTimeInterval(61)
        #expect(try await worker(ScriptedTransport([]), owner: "live").drain().delivered == 1)
        let late = try await store.transaction { tx in
            try await tx.markWebhookRetry(
                id: id, owner: "dead", attempts: 1, nextAttemptAt: clock.value, result: "late")
        }
        #expect(!late)
        #expect(try await row(id)?.state == .delivered)
    }

    @Test func twoWorkersDrainingTogetherPostEachEventOnce() async throws {
        for index in 0..<20 {
            try await self.store.transaction { tx in
                _ = try await tx.enqueueWebhook(
                    WebhookDraft(
                        eventID: "e\(index)", eventType: .unsubscribed, endpointURL: endpoint.url, subscriberID: nil,
                        body: "{}", createdAt: Fixtures.now))
            }
        }
        let transport = ScriptedTransport([])
        async let a = worker(transport, owner: "a").drain()
        async let b = worker(transport, owner: "b").drain()
        let (ra, rb) = try await (a, b)
        #expect(ra.delivered + rb.delivered == 20)
        #expect(Set(transport.sent.compactMap { $0.headers.first { $0.hasPrefix("Herald-Event-Id") } }).count == 20)
        #expect(transport.sent.count == 20)
    }
}
