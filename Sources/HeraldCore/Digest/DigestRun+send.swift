import Foundation
import Logging

/// Sending one claimed batch: each message is recorded `sending` before its SMTP transaction and
/// its outcome as soon as the server answers.
extension DigestRun {
    /// What happened to one claimed row in this run.
    struct Outcome: Sendable {
        /// The recorded state; nil when another run took the row over before it was started.
        var state: DeliveryState?
        /// The row had been left `sending` by a run that died (the acceptance window).
        var resumed: Bool
    }

    func sendBatch(
        _ batch: [DigestRecipient], issue: DigestIssue, prepared: any PreparedDigest, pacer: Pacer?
    ) async throws -> [Outcome] {
        try await withThrowingTaskGroup(of: Outcome.self) { group in
            var pending = batch.makeIterator()
            var outcomes: [Outcome] = []
            outcomes.reserveCapacity(batch.count)
            func startNext() -> Bool {
                guard breaker.trip == nil, let recipient = pending.next() else { return false }
                group.addTask {
                    await pacer?.wait()
                    let state = try await deliverOne(recipient, issue: issue, prepared: prepared)
                    return Outcome(state: state, resumed: state != nil && recipient.resumedAfterInterruption)
                }
                return true
            }
            for _ in 0..<max(1, options.concurrency) where !startNext() { break }
            while let outcome = try await group.next() {
                outcomes.append(outcome)
                _ = startNext()
            }
            if let trip = breaker.trip {
                let untried = Array(IteratorSequence(pending))
                try await putBack(untried, issue: issue, trip: trip)
                outcomes += untried.map { _ in Outcome(state: .deferred, resumed: false) }
            }
            return outcomes
        }
    }

    /// Records the claimed rows the run did not try after the relay stopped answering as deferred,
    /// so the next run takes them at once instead of after the claim lease.
    private func putBack(_ recipients: [DigestRecipient], issue: DigestIssue, trip: RelayBreaker.Trip) async throws {
        guard !recipients.isEmpty else { return }
        try await durably { [sender] tx in
            for recipient in recipients {
                try await tx.recordDigestDelivery(
                    issueID: issue.id, subscriberID: recipient.subscriber.id, state: .deferred,
                    result: "not tried: \(trip)", at: sender.now())
            }
        }
    }

    /// Sends one claimed row and records its outcome; nil when the row is no longer this run's.
    private func deliverOne(_ recipient: DigestRecipient, issue: DigestIssue, prepared: any PreparedDigest) async throws
        -> DeliveryState?
    {
        let subscriber = recipient.subscriber
        guard recipient.status == .confirmed else {
            try await record(issue, subscriber.id, .skipped, "not confirmed at send time")
            return .skipped
        }
        let token = sender.signer.token(subscriberID: subscriber.id, newsletter: newsletter.slug)
        var mail: OutgoingMail
        do {
            mail = try prepared.mail(for: subscriber, manageToken: token)
        } catch {
            try await record(issue, subscriber.id, .failed, "cannot build the message: \(error)")
            return .failed
        }
        if let verp = sender.verp {
            mail.sender = verp.envelopeSender(for: .digest(issueID: issue.id, subscriberID: subscriber.id))
        }
        guard try await start(issue, subscriber.id) else {
            sender.logger.warning("another run took over a digest delivery", metadata: ["period": "\(issue.period)"])
            return nil
        }
        let (state, result, failure) = await attempt(mail)
        try await record(issue, subscriber.id, state, result)
        if let failure { await sender.recordBounce(failure, to: subscriber) }
        return state
    }

    /// Sends with in-run retries for transient failures; returns the final state and the reply.
    private func attempt(_ mail: OutgoingMail) async -> (DeliveryState, String, MailDeliveryError?) {
        var delay = options.retryDelay
        for attempt in 1...max(1, options.attempts) {
            do {
                let receipt = try await sender.transport.send(mail)
                breaker.succeeded()
                return (.sent, "\(receipt.replyCode) \(receipt.replyText)", nil)
            } catch {
                breaker.failed(error)
                if error.kind == .permanent { return (.failed, error.description, error) }
                if attempt == options.attempts || breaker.trip != nil { return (.deferred, error.description, nil) }
                sender.logger.info("digest delivery will be retried", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: delay)
                delay *= 2
            }
        }
        return (.deferred, "no attempt made", nil)
    }

    /// Marks the row `sending` if this run still holds it.
    private func start(_ issue: DigestIssue, _ subscriberID: Int64) async throws -> Bool {
        try await durably { [owner, sender] tx in
            try await tx.startDigestDelivery(
                issueID: issue.id, subscriberID: subscriberID, owner: owner, at: sender.now())
        }
    }

    private func record(_ issue: DigestIssue, _ subscriberID: Int64, _ state: DeliveryState, _ result: String?)
        async throws
    {
        try await durably { [sender] tx in
            try await tx.recordDigestDelivery(
                issueID: issue.id, subscriberID: subscriberID, state: state, result: result, at: sender.now())
        }
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
