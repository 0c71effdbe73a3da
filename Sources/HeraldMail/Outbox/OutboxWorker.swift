import Foundation
import HeraldCore
import Logging

/// What one delivery round did.
public struct OutboxRound: Sendable, Equatable {
    public var sent = 0
    public var retried = 0
    public var failed = 0
    /// Set when the relay stopped answering during the round; the rest of the batch was put back.
    public var stall: RelayBreaker.Trip?
    public var claimed: Int { sent + retried + failed }

    public init() {}
}

/// Sends queued mail: claims due rows, hands them to the transport, records every outcome.
///
/// A row recorded as sent is never sent again; transient failures are retried with exponential
/// backoff and jitter until `maxAttempts`; permanent ones fail at once with the server's reply.
///
/// Several workers (several `herald serve` processes on PostgreSQL) share one outbox: each claims
/// rows under its own ``owner`` id with a lease of `policy.lease` (``OutboxQueue``, a
/// ``LeasedQueue``). While a batch is in flight its leases are renewed every third of a lease
/// (``LeasedBatch``), so a batch or a single send slower than the lease keeps its rows; a message
/// whose lease was lost is not sent, and outcomes are recorded only while the claim is still
/// this worker's.
public struct OutboxWorker: Sendable {
    /// The outbox as this worker's queue: claims, renewals and outcomes, each in a transaction.
    let work: LeasedQueueWork<OutboxQueue>
    let transport: any MailTransport
    let policy: OutboxDeliveryPolicy
    let logger: Logger
    let now: @Sendable () -> Date
    let onResult: @Sendable (MailKind, OutboxState) -> Void
    /// Told about recipients the server refused for good (hard bounces), if set.
    public var bounces: (any BounceRecorder)?
    /// Rung by whoever may have queued mail (in `serve`: every state-changing request); cuts the
    /// idle sleep short, so a confirmation leaves at once instead of after `idlePoll`.
    public var wake: WakeSignal?
    /// Signs a VERP envelope sender per message (`bounce_address`), if set; else the stored sender is used.
    public var verp: VERPSigner?
    /// Trips when the relay stops answering; shared by every copy of this worker.
    let breaker: RelayBreaker
    /// Names this worker's claims in the outbox (random per worker; copies share it).
    public let owner: String

    public init(
        store: any SubscriberStore, transport: any MailTransport, policy: OutboxDeliveryPolicy = .init(),
        logger: Logger, now: @escaping @Sendable () -> Date = Date.init,
        onResult: @escaping @Sendable (MailKind, OutboxState) -> Void = { _, _ in }
    ) {
        self.transport = transport
        self.policy = policy
        self.logger = logger
        self.now = now
        self.onResult = onResult
        breaker = RelayBreaker(limit: policy.stallLimit)
        owner = "outbox-\(UUID().uuidString.lowercased())"
        work = LeasedQueueWork(OutboxQueue(), owner: owner, store: store) { $0 }
    }

    /// Delivers until nothing is due; returns the totals. For `herald outbox deliver` and tests.
    public func drain() async throws -> OutboxRound {
        var total = OutboxRound()
        while !Task.isCancelled {
            let round = try await deliverDue()
            total.sent += round.sent
            total.retried += round.retried
            total.failed += round.failed
            total.stall = round.stall
            if round.claimed == 0 || round.stall != nil { break }
        }
        return total
    }

    /// Runs until the task is cancelled. When nothing is due it sleeps `busyPoll` if it delivered
    /// something within `busyWindow` (mail is flowing; new mail is picked up quickly), else
    /// `idlePoll`; a ring of `wake` ends the idle sleep early (the first mail after a quiet spell
    /// leaves at once). While mail is flowing rings are not followed: waking for every signup would
    /// claim and send one message at a time, where the busy poll claims what came in meanwhile and
    /// sends it `concurrency` at a time. Store errors are logged and retried after a pause, so a
    /// database hiccup does not stop delivery.
    public func run() async {
        var lastDelivery = ContinuousClock.now - policy.busyWindow
        var pauses = 0
        while !Task.isCancelled {
            do {
                let round = try await deliverDue()
                if let trip = round.stall {
                    try await pauseForStalledRelay(trip, pauses: pauses)
                    pauses += 1
                    continue
                }
                if round.sent > 0 { pauses = 0 }
                if round.claimed > 0 {
                    lastDelivery = .now
                } else {
                    let flowing = ContinuousClock.now - lastDelivery < policy.busyWindow
                    if flowing {
                        try await Task.sleep(for: policy.busyPoll)
                    } else {
                        try await pauseIdle()
                    }
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("outbox round failed; retrying", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: policy.idlePoll * 5)
            }
        }
    }

    /// Pauses all delivery after the relay stopped answering: `initialBackoff`, doubled for each
    /// pause in a row without a message getting through, at most `maxBackoff`.
    private func pauseForStalledRelay(_ trip: RelayBreaker.Trip, pauses: Int) async throws {
        let pause = policy.backoff(afterAttempts: pauses + 1, jitter: 0)
        logger.error("\(trip); pausing all mail delivery", metadata: ["pause": "\(pause)"])
        try await Task.sleep(for: pause)
        breaker.reset()
    }

    /// Sleeps `idlePoll`, or less when the wake signal rings; throws when cancelled.
    private func pauseIdle() async throws {
        if let wake {
            await wake.wait(upTo: policy.idlePoll)
            try Task.checkCancellation()
        } else {
            try await Task.sleep(for: policy.idlePoll)
        }
    }

    /// Claims one batch of due mail and sends it with bounded concurrency, its leases renewed
    /// every third of a lease while the batch is in flight (``LeasedBatch``).
    public func deliverDue() async throws -> OutboxRound {
        let time = now()
        let leaseUntil = time.addingTimeInterval(policy.lease.seconds)
        let (claimed, suppressed) = try await work.claimUnsuppressed(
            now: time, limit: policy.batchSize, leaseUntil: leaseUntil)
        var round = OutboxRound()
        round.failed = suppressed
        if suppressed > 0 { logger.info("mail to suppressed addresses failed", metadata: ["count": "\(suppressed)"]) }
        let batch = LeasedBatch(claimed, leaseUntil: leaseUntil, lease: policy.lease, now: now) { [work] in
            try await work.renew($0, until: $1)
        }
        let (states, untried) = try await batch.run(
            concurrency: policy.concurrency, logger: logger, keepGoing: { [breaker] in breaker.trip == nil }
        ) { message in
            try await deliver(message, keeper: batch.keeper)
        }
        for case let state? in states { round.record(state) }
        if let trip = breaker.trip {
            round.stall = trip
            try await putBack(untried, trip: trip, at: time)
        }
        return round
    }

    /// Returns claimed messages the round did not try to the queue, due after the first pause,
    /// without counting an attempt.
    private func putBack(_ messages: [OutboxMessage], trip: RelayBreaker.Trip, at time: Date) async throws {
        guard !messages.isEmpty else { return }
        let due = time.addingTimeInterval(policy.initialBackoff.seconds)
        _ = try await work.markRetry(messages, attempts: \.attempts, nextAttemptAt: due, result: "not tried: \(trip)")
    }

    /// Sends one claimed message; nil when its claim was lost to another worker before sending.
    private func deliver(_ message: OutboxMessage, keeper: LeaseKeeper) async throws -> OutboxState? {
        let attempts = message.attempts + 1
        guard keeper.holds(message.id) else {
            logger.warning(
                "mail not sent: its claim is no longer this worker's",
                metadata: Self.metadata(message, attempt: attempts))
            return nil
        }
        let state: OutboxState
        do {
            let receipt = try await transport.send(envelope(of: message))
            breaker.succeeded()
            let recorded = try await work.markDone(message, attempts: attempts, at: now(), result: receipt.summary)
            if recorded {
                logger.info("mail delivered", metadata: Self.metadata(message, attempt: attempts))
            } else {
                logger.error(
                    "mail delivered after its claim passed to another worker (the send outlived the lease)",
                    metadata: Self.metadata(message, attempt: attempts))
            }
            state = .sent
        } catch let failure as MailDeliveryError {
            breaker.failed(failure)
            state = try await recordFailure(message, attempts: attempts, failure: failure)
        }
        onResult(message.kind, state)
        return state
    }

    /// The message's mail with its VERP envelope sender when `bounce_address` is configured.
    func envelope(of message: OutboxMessage) -> OutgoingMail {
        guard let verp else { return message.mail }
        var mail = message.mail
        mail.sender = verp.envelopeSender(for: .outbox(id: message.id))
        return mail
    }

    private func recordFailure(_ message: OutboxMessage, attempts: Int, failure: MailDeliveryError) async throws
        -> OutboxState
    {
        let time = now()
        let error = LogRedaction.removing(message.mail.recipients, from: "\(failure)")
        let metadata = Self.metadata(message, attempt: attempts).merging(["error": "\(error)"]) { $1 }
        let step = policy.step(
            afterAttempts: attempts, permanent: failure.kind == .permanent, jitter: Double.random(in: -1...1))
        guard case .retry(let delay) = step else {
            logger.warning("mail failed for good", metadata: metadata)
            var bounce: (recorder: any BounceRecorder, address: String, reply: String)?
            if let bounces, failure.isRecipientRejection, let recipient = message.mail.recipients.first,
                message.mail.recipients.count == 1
            {
                bounce = (bounces, recipient, failure.message)
            }
            _ = try await work.markFailed(
                message, attempts: attempts, at: time, result: failure.description, bounce: bounce)
            return .failed
        }
        logger.info("mail will be retried", metadata: metadata.merging(["retry_in": "\(delay)"]) { $1 })
        _ = try await work.markRetry(
            [message], attempts: { _ in attempts }, nextAttemptAt: time.addingTimeInterval(delay.seconds),
            result: failure.description)
        return .pending
    }
}

extension OutboxWorker {
    /// What a log line says about a message: its id, kind, attempt and the recipients' domains only.
    static func metadata(_ message: OutboxMessage, attempt: Int) -> Logger.Metadata {
        [
            "outbox_id": "\(message.id)", "kind": "\(message.kind.rawValue)", "attempt": "\(attempt)",
            "recipient_domain": "\(LogRedaction.domains(of: message.mail.recipients))",
        ]
    }
}

extension OutboxRound {
    mutating func record(_ state: OutboxState) {
        switch state {
        case .sent: sent += 1
        case .failed: failed += 1
        case .pending, .sending: retried += 1
        }
    }
}

extension MailReceipt {
    /// "250 2.0.0 Ok: queued as …".
    var summary: String { "\(replyCode) \(replyText)" }
}
