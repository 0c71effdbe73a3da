import Foundation
import Logging

/// Sending one claimed batch: each message is recorded `sending` before its SMTP transaction and
/// its outcome as soon as the server answers, while the batch's leases are renewed.
extension DigestRun {
    /// What happened to one claimed row in this run.
    struct Outcome: Sendable {
        /// The recorded state; nil when another run took the row over (it was not sent by this run,
        /// or its outcome was not recorded by this run).
        var state: DeliveryState?
        /// The row had been left `sending` by a run that died (the acceptance window).
        var resumed: Bool
    }

    func sendBatch(
        _ batch: LeasedBatch<DigestRecipient>, queue: DigestDeliveryQueue, prepared: any PreparedDigest, pacer: Pacer?
    ) async throws -> [Outcome] {
        let (outcomes, untried) = try await batch.run(
            concurrency: options.concurrency, logger: sender.logger, keepGoing: { [breaker] in breaker.trip == nil }
        ) { recipient in
            await pacer?.wait()
            guard batch.keeper.holds(recipient.id) else {
                sender.logger.warning("a digest delivery's lease ran out before its turn", metadata: [:])
                return Outcome(state: nil, resumed: false)
            }
            let state = try await deliverOne(recipient, queue: queue, prepared: prepared)
            return Outcome(state: state, resumed: state != nil && recipient.resumedAfterInterruption)
        }
        guard let trip = breaker.trip, !untried.isEmpty else { return outcomes }
        try await putBack(untried, queue: queue, trip: trip)
        return outcomes + untried.map { _ in Outcome(state: .deferred, resumed: false) }
    }

    /// Records the claimed rows the run did not try after the relay stopped answering as deferred
    /// and due at once, so the next run takes them at once instead of after the lease.
    private func putBack(_ recipients: [DigestRecipient], queue: DigestDeliveryQueue, trip: RelayBreaker.Trip)
        async throws
    {
        try await durably { [sender, owner] tx in
            for recipient in recipients {
                _ = try await queue.markRetry(
                    recipient, owner: owner, attempts: recipient.attempts, nextAttemptAt: sender.now(),
                    result: "not tried: \(trip)", in: tx)
            }
        }
    }

    /// Sends one claimed row and records its outcome; nil when the row is no longer this run's.
    private func deliverOne(_ recipient: DigestRecipient, queue: DigestDeliveryQueue, prepared: any PreparedDigest)
        async throws -> DeliveryState?
    {
        let subscriber = recipient.subscriber
        guard recipient.status == .confirmed else {
            return try await record(recipient, queue, .skipped, "not confirmed at send time", attempts: 0)
        }
        let token = sender.signer.token(subscriberID: subscriber.id, newsletter: newsletter.slug)
        var mail: OutgoingMail
        do {
            mail = try prepared.mail(for: subscriber, manageToken: token)
        } catch {
            return try await record(recipient, queue, .failed, "cannot build the message: \(error)", attempts: 0)
        }
        if let verp = sender.verp {
            mail.sender = verp.envelopeSender(for: .digest(issueID: queue.issueID, subscriberID: subscriber.id))
        }
        guard try await start(queue, subscriber.id) else {
            sender.logger.warning("another run took over a digest delivery", metadata: [:])
            return nil
        }
        let attempt = await attempt(mail)
        var state = attempt.state
        var result = attempt.result
        let attempts = recipient.attempts + attempt.tries
        if state == .deferred, attempts >= options.giveUpAfter {
            state = .failed
            result = "gave up after \(attempts) attempts: \(result)"
        }
        let recorded = try await record(recipient, queue, state, result, attempts: attempt.tries)
        if let failure = attempt.failure { await sender.recordBounce(failure, to: subscriber) }
        return recorded
    }
}

/// One message's SMTP attempts, its record and the run's tally.
extension DigestRun {
    /// What the attempts at one message came to.
    struct Attempt: Sendable {
        var state: DeliveryState
        var result: String
        var failure: MailDeliveryError?
        /// SMTP transactions tried.
        var tries: Int
    }

    /// Sends with in-run retries for transient failures, waiting `retryDelay` doubled each time
    /// with ±20 % jitter (so messages deferred together do not retry in lockstep).
    func attempt(_ mail: OutgoingMail) async -> Attempt {
        var delay = options.retryDelay
        let limit = max(1, options.attempts)
        for tries in 1...limit {
            do {
                let receipt = try await sender.transport.send(mail)
                breaker.succeeded()
                return Attempt(state: .sent, result: "\(receipt.replyCode) \(receipt.replyText)", tries: tries)
            } catch {
                breaker.failed(error)
                if error.kind == .permanent {
                    return Attempt(state: .failed, result: error.description, failure: error, tries: tries)
                }
                if tries == limit || breaker.trip != nil {
                    return Attempt(state: .deferred, result: error.description, tries: tries)
                }
                sender.logger.info("digest delivery will be retried", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: delay * Double.random(in: 0.8...1.2))
                delay *= 2
            }
        }
        return Attempt(state: .deferred, result: "no attempt made", tries: 0)
    }

    /// Marks the row `sending` if this run still holds it.
    func start(_ queue: DigestDeliveryQueue, _ subscriberID: Int64) async throws -> Bool {
        try await durably { [owner, sender] tx in
            try await tx.startDigestDelivery(
                issueID: queue.issueID, subscriberID: subscriberID, owner: owner, at: sender.now())
        }
    }

    /// Records the row's outcome (`tries` more attempts) if this run still holds it; returns the
    /// state recorded, or nil when the row was taken over (nothing recorded).
    func record(
        _ recipient: DigestRecipient, _ queue: DigestDeliveryQueue, _ state: DeliveryState, _ result: String,
        attempts tries: Int
    ) async throws -> DeliveryState? {
        let attempts = recipient.attempts + tries
        let recorded = try await durably { [owner, sender] tx in
            let time = sender.now()
            return switch state {
            case .sent:
                try await queue.markDone(recipient, owner: owner, attempts: attempts, at: time, result: result, in: tx)
            case .deferred:
                try await queue.markRetry(
                    recipient, owner: owner, attempts: attempts, nextAttemptAt: time, result: result, in: tx)
            case .skipped:
                try await queue.markSkipped(recipient, owner: owner, at: time, result: result, in: tx)
            case .failed, .pending, .claimed, .sending:
                try await queue.markFailed(
                    recipient, owner: owner, attempts: attempts, at: time, result: result, in: tx)
            }
        }
        guard recorded else {
            sender.logger.warning("a digest delivery's lease was lost; its outcome is left to the run that took it")
            return nil
        }
        return state
    }
}

extension DigestRunSummary {
    mutating func add(_ outcomes: [DigestRun.Outcome]) {
        for outcome in outcomes {
            switch outcome.state {
            case .sent: sent += 1
            case .failed: failed += 1
            case .deferred: deferred += 1
            case .skipped: skipped += 1
            case .pending, .claimed, .sending, nil: break
            }
            if outcome.resumed { resumed += 1 }
        }
    }
}
