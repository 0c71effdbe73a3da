import Foundation
import Logging

/// One run's work on one issue: the claims, the batches, the per-message outcomes.
///
/// The deliveries are a ``LeasedQueue`` (``DigestDeliveryQueue``), the same mechanism as the
/// outbox and the webhooks: several runs (processes) may work on one issue at once, each claiming
/// its own batches under its owner id and a lease that ``LeasedBatch`` renews while the batch is
/// in flight; a run that dies stops renewing and, once its leases end, another run takes its rows
/// over; outcomes are recorded only while the row is still this run's. The run that finds
/// nothing left open completes the issue.
struct DigestRun: Sendable {
    let sender: DigestSender
    let newsletter: Newsletter
    let options: DigestSendOptions
    let progress: @Sendable (DigestProgressReport) -> Void
    let owner = "digest-\(UUID().uuidString.lowercased())"
    /// Trips when the relay stops answering; the run then claims nothing more.
    let breaker: RelayBreaker

    init(
        sender: DigestSender, newsletter: Newsletter, options: DigestSendOptions,
        progress: @escaping @Sendable (DigestProgressReport) -> Void
    ) {
        self.sender = sender
        self.newsletter = newsletter
        self.options = options
        self.progress = progress
        breaker = RelayBreaker(limit: options.stallLimit)
    }

    var store: ScopedStore<any DigestSenderOperations> { sender.store }

    func deliver(_ issue: DigestIssue) async throws -> DigestRunSummary {
        var summary = DigestRunSummary(
            outcome: .completed, issueID: issue.id, period: issue.period, language: issue.language)
        summary.items = issue.articles.count
        let prepared = try sender.composer.prepare(issue, newsletter: newsletter)
        let pacer = options.ratePerSecond.map { Pacer(perSecond: $0) }
        summary.recipients = try await currentProgress(issue).total
        var watch = StallWatch()
        while true {
            let batch = try await claim(issue)
            if batch.items.isEmpty {
                if try await waitForOtherRuns(issue, &watch) { continue }
                break
            }
            summary.add(
                try await sendBatch(
                    batch, queue: DigestDeliveryQueue(issueID: issue.id), prepared: prepared, pacer: pacer))
            progress(
                DigestProgressReport(
                    period: issue.period, total: summary.recipients,
                    done: summary.sent + summary.failed + summary.skipped + summary.deferred,
                    sent: summary.sent, failed: summary.failed))
            if let trip = breaker.trip {
                sender.logger.error("stopping the digest run: \(trip)", metadata: ["period": "\(issue.period)"])
                summary.stall = trip
                break
            }
        }
        return try await finish(issue, summary)
    }

    /// The next batch to send, leased until its end; suppressed recipients are recorded `skipped`
    /// in the claim's transaction (and another batch claimed when a whole batch was suppressed).
    private func claim(_ issue: DigestIssue) async throws -> LeasedBatch<DigestRecipient> {
        let queue = DigestDeliveryQueue(issueID: issue.id)
        while true {
            let time = sender.now()
            let leaseUntil = time.addingTimeInterval(options.lease.seconds)
            let (claimed, deliverable) = try await durably { [owner, options] tx in
                let batch = try await queue.claim(
                    owner: owner, now: time, limit: options.batchSize, leaseUntil: leaseUntil, in: tx)
                return (batch.count, try await skippingSuppressed(batch, queue: queue, in: tx))
            }
            if claimed == 0 || !deliverable.isEmpty {
                reportResumed(deliverable, issue)
                return LeasedBatch(
                    deliverable, leaseUntil: leaseUntil, lease: options.lease, now: sender.now,
                    renew: { [store, owner] ids, until in
                        try await store.transaction {
                            try await $0.renewLeases(.digest, ids: ids, owner: owner, until: until)
                        }
                    })
            }
        }
    }

    /// Says, before sending them again, how many claimed rows a dead run left `sending`: the server
    /// may already have accepted those messages, so a reader may get a second copy (same Message-ID).
    private func reportResumed(_ batch: [DigestRecipient], _ issue: DigestIssue) {
        let resumed = batch.count(where: \.resumedAfterInterruption)
        guard resumed > 0 else { return }
        sender.logger.warning(
            "resending messages whose outcome a dead run did not record (possible duplicates)",
            metadata: ["period": "\(issue.period)", "messages": "\(resumed)"])
    }

    private func currentProgress(_ issue: DigestIssue) async throws -> DigestProgress {
        try await durably { try await $0.digestProgress(issueID: issue.id, failureLimit: 0) }
    }

    /// Nothing was claimable. While other runs still hold rows of the issue (or are claiming
    /// pending ones right now, which a claim skips), waits a moment and returns true so the caller
    /// claims again: a live run finishes its rows, a dead run's rows become claimable once its
    /// claims expire. False when only settled or deferred rows are left, or when the held rows made
    /// no progress for four leases (a stuck run; the issue is left for the next run).
    private func waitForOtherRuns(_ issue: DigestIssue, _ watch: inout StallWatch) async throws -> Bool {
        let current = try await currentProgress(issue)
        let held = [.pending, .claimed, .sending].reduce(0) { $0 + (current.counts[$1] ?? 0) }
        guard held > 0, !watch.isStalled(settled: current.total - current.open, limit: options.lease * 4) else {
            return false
        }
        try await Task.sleep(for: .milliseconds(250))
        return true
    }

    private func finish(_ issue: DigestIssue, _ partial: DigestRunSummary) async throws -> DigestRunSummary {
        var summary = partial
        let state = try await durably { tx in
            let progress = try await tx.digestProgress(issueID: issue.id, failureLimit: 0)
            if progress.open == 0 { try await tx.completeDigestIssue(issueID: issue.id, at: sender.now()) }
            return progress
        }
        summary.outcome = state.open == 0 && summary.stall == nil ? .completed : .incomplete
        return summary
    }

    /// Runs `body` in a transaction, retrying while the database is unavailable for up to
    /// `options.outageTolerance`, so a short outage (a PostgreSQL restart) does not stop the run.
    func durably<Result: Sendable>(_ body: @Sendable (any DigestSenderOperations) async throws -> Result) async throws
        -> Result
    {
        let deadline = ContinuousClock.now + options.outageTolerance
        while true {
            do {
                return try await store.transaction(body)
            } catch let error as StoreError where error.isUnavailable && ContinuousClock.now < deadline {
                sender.logger.warning("database unavailable; retrying", metadata: ["error": "\(error)"])
                try await Task.sleep(for: .seconds(1))
            }
        }
    }

    func dryRun(_ articles: [DigestArticle], period: String, language: String) async throws -> DigestRunSummary {
        let issue = DigestIssue(
            id: 0, newsletter: newsletter.slug, period: period, language: language, articles: articles,
            createdAt: sender.now())
        let prepared = try sender.composer.prepare(issue, newsletter: newsletter)
        let sample = Subscriber(
            id: 1, email: "reader@example.org", smtpAddress: "reader@example.org", canonicalKey: "reader@example.org",
            name: "Sample Reader", createdAt: issue.createdAt, updatedAt: issue.createdAt)
        _ = try prepared.mail(for: sample, manageToken: "sample")
        var summary = DigestRunSummary(outcome: .dryRun, period: period, language: language)
        summary.items = articles.count
        let edition = DigestEdition(of: newsletter, language: language)
        summary.recipients = try await store.transaction {
            try await $0.confirmedSubscriberCount(newsletter: newsletter.slug, edition: edition)
        }
        summary.articlesFrom = sender.source.origin(for: newsletter, language: language)
        return summary
    }

    /// A dry run for a period whose issue exists already: reports it (its articles and
    /// deliveries) without sending anything.
    func dryRun(existing issue: DigestIssue) async throws -> DigestRunSummary {
        var summary = DigestRunSummary(
            outcome: issue.completedAt == nil ? .dryRun : .alreadySent, issueID: issue.id, period: issue.period,
            language: issue.language)
        summary.items = issue.articles.count
        summary.recipients = try await currentProgress(issue).total
        summary.articlesFrom = "issue \(issue.id)"
        return summary
    }
}

/// Why a digest run stopped.
public enum DigestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The newsletter is not configured.
    case unknownNewsletter(String)

    public var description: String {
        switch self {
        case .unknownNewsletter(let slug): "unknown newsletter '\(slug)'"
        }
    }
}
