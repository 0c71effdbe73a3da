import Foundation
import HeraldCore
import Logging

/// What one delivery round did.
public struct WebhookRound: Sendable, Equatable {
    public var delivered = 0
    public var retried = 0
    public var failed = 0
    /// Outcomes not recorded because another worker had taken the row over (our lease expired).
    public var lost = 0
    public var claimed: Int { delivered + retried + failed + lost }

    public init() {}
}

/// Delivers queued webhook events: claims due rows under a lease, POSTs them signed, records
/// every outcome.
///
/// A 2xx answer marks the row delivered, never sent again. Anything else (another status, no
/// answer) is retried with exponential backoff and jitter until `maxAttempts`, then marked
/// failed. Rows whose endpoint is no longer configured fail at once. Several workers (processes)
/// can run on one database: a row is claimed by one owner at a time (``WebhookQueue``, a
/// ``LeasedQueue``), its lease renewed while the batch is in flight, and an owner whose lease
/// expired neither posts the row nor overwrites the outcome recorded by the one that took over.
public struct WebhookWorker: Sendable {
    /// The webhook outbox as this worker's queue: claims, renewals and outcomes, each in a transaction.
    let work: LeasedQueueWork<WebhookQueue>
    let transport: any WebhookTransport
    let endpoints: [WebhookEndpoint]
    let policy: OutboxDeliveryPolicy
    let logger: Logger
    let now: @Sendable () -> Date
    let owner: String

    public init(
        store: any SubscriberStore, transport: any WebhookTransport, endpoints: [WebhookEndpoint],
        policy: OutboxDeliveryPolicy = .init(lease: .seconds(60)), logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init, owner: String = UUID().uuidString
    ) {
        work = LeasedQueueWork(WebhookQueue(), owner: owner, store: store) { $0 }
        self.transport = transport
        self.endpoints = endpoints
        self.policy = policy
        self.logger = logger
        self.now = now
        self.owner = owner
    }

    /// Delivers until nothing is due; returns the totals (for `herald webhooks deliver` and tests).
    public func drain() async throws -> WebhookRound {
        var total = WebhookRound()
        while !Task.isCancelled {
            let round = try await deliverDue()
            total.add(round)
            if round.claimed == 0 { break }
        }
        return total
    }

    /// Runs until cancelled, sleeping `idlePoll` when nothing is due; store errors are logged and retried.
    public func run() async {
        while !Task.isCancelled {
            do {
                if try await deliverDue().claimed == 0 { try await Task.sleep(for: policy.idlePoll) }
            } catch is CancellationError {
                return
            } catch {
                logger.error("webhook round failed; retrying", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: policy.idlePoll * 5)
            }
        }
    }

    /// Claims one batch of due deliveries and sends it with bounded concurrency, its leases
    /// renewed every third of a lease while the batch is in flight (``LeasedBatch``).
    public func deliverDue() async throws -> WebhookRound {
        let time = now()
        let leaseUntil = time.addingTimeInterval(policy.lease.seconds)
        let claimed = try await work.claim(now: time, limit: policy.batchSize, leaseUntil: leaseUntil)
        let batch = LeasedBatch(claimed, leaseUntil: leaseUntil, lease: policy.lease, now: now) { [work] in
            try await work.renew($0, until: $1)
        }
        let (outcomes, _) = try await batch.run(concurrency: policy.concurrency, logger: logger) { delivery in
            try await deliver(delivery, keeper: batch.keeper)
        }
        var round = WebhookRound()
        for outcome in outcomes { round.record(outcome) }
        return round
    }

    private func deliver(_ delivery: WebhookDelivery, keeper: LeaseKeeper) async throws -> WebhookOutcome {
        let attempts = delivery.attempts + 1
        guard keeper.holds(delivery.id) else { return .lost }
        guard let endpoint = endpoints.first(where: { $0.url == delivery.draft.endpointURL }) else {
            return try await settle(delivery, .failed, attempts, "endpoint no longer configured")
        }
        let response = await transport.post(request(for: delivery, endpoint: endpoint))
        if response.isSuccess { return try await settle(delivery, .delivered, attempts, response.summary) }
        let step = policy.step(afterAttempts: attempts, permanent: false, jitter: Double.random(in: -1...1))
        guard case .retry(let delay) = step else {
            return try await settle(delivery, .failed, attempts, response.summary)
        }
        logger.info(
            "webhook delivery will be retried",
            metadata: ["delivery_id": "\(delivery.id)", "attempt": "\(attempts)", "result": "\(response.summary)"])
        let kept = try await work.markRetry(
            [delivery], attempts: { _ in attempts }, nextAttemptAt: now().addingTimeInterval(delay.seconds),
            result: response.summary)
        return kept == 1 ? .retried : .lost
    }

    private func settle(_ delivery: WebhookDelivery, _ state: WebhookDeliveryState, _ attempts: Int, _ result: String)
        async throws -> WebhookOutcome
    {
        let time = now()
        let kept =
            state == .delivered
            ? try await work.markDone(delivery, attempts: attempts, at: time, result: result)
            : try await work.markFailed(delivery, attempts: attempts, at: time, result: result)
        if state == .failed {
            logger.warning(
                "webhook delivery failed for good", metadata: ["delivery_id": "\(delivery.id)", "result": "\(result)"])
        }
        guard kept else { return .lost }
        return state == .delivered ? .delivered : .failed
    }

    /// The signed POST for one delivery, signed now (the timestamp is the attempt's time).
    func request(for delivery: WebhookDelivery, endpoint: WebhookEndpoint) -> WebhookRequest {
        let body = Array(delivery.draft.body.utf8)
        let timestamp = Int64(now().timeIntervalSince1970)
        return WebhookRequest(
            url: endpoint.url,
            headers: [
                "Content-Type: application/json",
                "User-Agent: Herald-Webhooks/1",
                "Herald-Event-Id: \(delivery.draft.eventID)",
                "Herald-Event-Type: \(delivery.draft.eventType.rawValue)",
                "Herald-Signature: \(WebhookSignature.header(secret: endpoint.secret, timestamp: timestamp, body: body))",
            ],
            body: body)
    }
}

enum WebhookOutcome { case delivered, retried, failed, lost }

extension WebhookRound {
    mutating func record(_ outcome: WebhookOutcome) {
        switch outcome {
        case .delivered: delivered += 1
        case .retried: retried += 1
        case .failed: failed += 1
        case .lost: lost += 1
        }
    }

    mutating func add(_ other: WebhookRound) {
        delivered += other.delivered
        retried += other.retried
        failed += other.failed
        lost += other.lost
    }
}
