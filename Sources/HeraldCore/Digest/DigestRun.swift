import Foundation
import Logging

/// One run's work on one issue: the lease, the batches, the per-message outcomes.
struct DigestRun: Sendable {
    let sender: DigestSender
    let newsletter: Newsletter
    let options: DigestSendOptions
    let progress: @Sendable (DigestProgressReport) -> Void
    let owner = UUID().uuidString

    private var store: any SubscriberStore { sender.store }

    func deliver(_ issue: DigestIssue) async throws -> DigestRunSummary {
        var summary = DigestRunSummary(outcome: .completed, issueID: issue.id, period: issue.period)
        summary.items = issue.articles.count
        switch try await waitForLease(issue) {
        case .acquired: break
        case .completedByAnother:
            summary.outcome = .alreadySent
            return summary
        case .busy:
            summary.outcome = .busy
            return summary
        }
        let heartbeat = Task { await keepLease(issue) }
        defer { heartbeat.cancel() }
        let prepared = try sender.composer.prepare(issue, newsletter: newsletter)
        let pacer = options.ratePerSecond.map { Pacer(perSecond: $0) }
        let total = try await store.transaction { try await $0.digestProgress(issueID: issue.id, failureLimit: 0) }.total
        summary.recipients = total
        while true {
            let batch = try await store.transaction { [owner, options] tx in
                try await tx.claimDigestDeliveries(issueID: issue.id, owner: owner, limit: options.batchSize)
            }
            if batch.isEmpty { break }
            let outcomes = try await sendBatch(batch, issue: issue, prepared: prepared, pacer: pacer)
            summary.add(outcomes)
            progress(DigestProgressReport(
                period: issue.period, total: total, done: summary.sent + summary.failed + summary.skipped + summary.deferred,
                sent: summary.sent, failed: summary.failed))
            guard try await renewLease(issue) else { throw DigestError.leaseLost(issue.period) }
        }
        return try await finish(issue, summary)
    }

    private func finish(_ issue: DigestIssue, _ partial: DigestRunSummary) async throws -> DigestRunSummary {
        var summary = partial
        let state = try await store.transaction { [owner] tx in
            let progress = try await tx.digestProgress(issueID: issue.id, failureLimit: 0)
            if progress.open == 0 {
                try await tx.completeDigestIssue(issueID: issue.id, at: sender.now())
            } else {
                try await tx.releaseDigestLease(issueID: issue.id, owner: owner)
            }
            return progress
        }
        summary.outcome = state.open == 0 ? .completed : .incomplete
        return summary
    }

    enum LeaseWait { case acquired, completedByAnother, busy }

    /// Takes the issue's lease, waiting while another run holds it: a live run renews its lease and
    /// usually finishes the issue; a killed run's lease expires and is taken over.
    private func waitForLease(_ issue: DigestIssue) async throws -> LeaseWait {
        let deadline = ContinuousClock.now + options.lease * 3
        while true {
            if try await renewLease(issue) { return .acquired }
            let current = try await store.transaction {
                try await $0.digestIssue(newsletter: issue.newsletter, period: issue.period)
            }
            if current?.completedAt != nil { return .completedByAnother }
            if ContinuousClock.now >= deadline { return .busy }
            sender.logger.info("another run holds this digest; waiting", metadata: ["period": "\(issue.period)"])
            try await Task.sleep(for: .seconds(1))
        }
    }

    /// Renews the lease every third of its duration until cancelled.
    private func keepLease(_ issue: DigestIssue) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: options.lease / 3)
            if Task.isCancelled { return }
            _ = try? await renewLease(issue)
        }
    }

    private func renewLease(_ issue: DigestIssue) async throws -> Bool {
        let time = sender.now()
        let until = time.addingTimeInterval(options.lease.seconds)
        return try await store.transaction { [owner] tx in
            try await tx.acquireDigestLease(issueID: issue.id, owner: owner, until: until, now: time)
        }
    }

    private func sendBatch(
        _ batch: [DigestRecipient], issue: DigestIssue, prepared: any PreparedDigest, pacer: Pacer?
    ) async throws -> [(DeliveryState, Bool)] {
        try await withThrowingTaskGroup(of: (DeliveryState, Bool).self) { group in
            var pending = batch.makeIterator()
            var outcomes: [(DeliveryState, Bool)] = []
            outcomes.reserveCapacity(batch.count)
            func startNext() -> Bool {
                guard let recipient = pending.next() else { return false }
                group.addTask {
                    await pacer?.wait()
                    let state = try await deliverOne(recipient, issue: issue, prepared: prepared)
                    return (state, recipient.resumedAfterInterruption)
                }
                return true
            }
            for _ in 0..<max(1, options.concurrency) where !startNext() { break }
            while let outcome = try await group.next() {
                outcomes.append(outcome)
                _ = startNext()
            }
            return outcomes
        }
    }

    private func deliverOne(_ recipient: DigestRecipient, issue: DigestIssue, prepared: any PreparedDigest) async throws
        -> DeliveryState
    {
        let subscriber = recipient.subscriber
        guard recipient.status == .confirmed else {
            try await record(issue, subscriber.id, .skipped, "not confirmed at send time")
            return .skipped
        }
        let token = sender.signer.token(subscriberID: subscriber.id, newsletter: newsletter.slug)
        let mail: OutgoingMail
        do {
            mail = try prepared.mail(for: subscriber, manageToken: token)
        } catch {
            try await record(issue, subscriber.id, .failed, "cannot build the message: \(error)")
            return .failed
        }
        try await record(issue, subscriber.id, .sending, nil)
        let (state, result) = await attempt(mail)
        try await record(issue, subscriber.id, state, result)
        return state
    }

    /// Sends with in-run retries for transient failures; returns the final state and the reply.
    private func attempt(_ mail: OutgoingMail) async -> (DeliveryState, String) {
        var delay = options.retryDelay
        for attempt in 1...max(1, options.attempts) {
            do {
                let receipt = try await sender.transport.send(mail)
                return (.sent, "\(receipt.replyCode) \(receipt.replyText)")
            } catch {
                if error.kind == .permanent { return (.failed, error.description) }
                if attempt == options.attempts { return (.deferred, error.description) }
                sender.logger.info("digest delivery will be retried", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: delay)
                delay *= 2
            }
        }
        return (.deferred, "no attempt made")
    }

    private func record(_ issue: DigestIssue, _ subscriberID: Int64, _ state: DeliveryState, _ result: String?) async throws {
        try await store.transaction { [sender] tx in
            try await tx.recordDigestDelivery(
                issueID: issue.id, subscriberID: subscriberID, state: state, result: result, at: sender.now())
        }
    }

    func dryRun(_ articles: [DigestArticle], period: String) async throws -> DigestRunSummary {
        let issue = DigestIssue(id: 0, newsletter: newsletter.slug, period: period, articles: articles, createdAt: sender.now())
        let prepared = try sender.composer.prepare(issue, newsletter: newsletter)
        let sample = Subscriber(
            id: 1, email: "reader@example.org", smtpAddress: "reader@example.org", canonicalKey: "reader@example.org",
            name: "Sample Reader", createdAt: issue.createdAt, updatedAt: issue.createdAt)
        _ = try prepared.mail(for: sample, manageToken: "sample")
        var summary = DigestRunSummary(outcome: .dryRun, period: period)
        summary.items = articles.count
        summary.recipients = try await store.transaction {
            try await $0.confirmedSubscriberCount(newsletter: newsletter.slug)
        }
        return summary
    }
}

extension DigestRunSummary {
    mutating func add(_ outcomes: [(DeliveryState, Bool)]) {
        for (state, resumedAfterInterruption) in outcomes {
            switch state {
            case .sent: sent += 1
            case .failed: failed += 1
            case .deferred: deferred += 1
            case .skipped: skipped += 1
            case .pending, .claimed, .sending: break
            }
            if resumedAfterInterruption { resumed += 1 }
        }
    }
}

/// Why a digest run stopped.
public enum DigestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another run took over the issue (our lease expired, e.g. after a long stall).
    case leaseLost(String)
    /// The newsletter is not configured.
    case unknownNewsletter(String)

    public var description: String {
        switch self {
        case .leaseLost(let period): "digest \(period): another run took over this issue; stopping"
        case .unknownNewsletter(let slug): "unknown newsletter '\(slug)'"
        }
    }
}

/// Spaces sends to at most `perSecond` across all tasks of a run.
actor Pacer {
    private let interval: Duration
    private var next = ContinuousClock.now

    init(perSecond: Double) {
        interval = .nanoseconds(Int64(1e9 / max(perSecond, 0.001)))
    }

    func wait() async {
        let slot = max(next, ContinuousClock.now)
        next = slot + interval
        try? await Task.sleep(until: slot, clock: .continuous)
    }
}
