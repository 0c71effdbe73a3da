import Foundation
import Logging

/// One run's work on one issue: the claims, the batches, the per-message outcomes.
///
/// Several runs (processes) may work on one issue at once: each claims its own batches, so they
/// share the work; a run that dies stops renewing its claims and, one lease later, another run
/// takes its rows over. The run that finds nothing left open completes the issue.
struct DigestRun: Sendable {
    let sender: DigestSender
    let newsletter: Newsletter
    let options: DigestSendOptions
    let progress: @Sendable (DigestProgressReport) -> Void
    let owner = UUID().uuidString
    /// Rows deferred before this moment were deferred by earlier runs and are retried by this one.
    let startedAt: Date
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
        startedAt = sender.now()
        breaker = RelayBreaker(limit: options.stallLimit)
    }

    var store: ScopedStore<any DigestSenderOperations> { sender.store }

    func deliver(_ issue: DigestIssue) async throws -> DigestRunSummary {
        var summary = DigestRunSummary(
            outcome: .completed, issueID: issue.id, period: issue.period, language: issue.language)
        summary.items = issue.articles.count
        let heartbeat = Task { await keepClaims(issue) }
        defer { heartbeat.cancel() }
        let prepared = try sender.composer.prepare(issue, newsletter: newsletter)
        let pacer = options.ratePerSecond.map { Pacer(perSecond: $0) }
        summary.recipients = try await currentProgress(issue).total
        var watch = StallWatch()
        while true {
            let batch = try await claim(issue)
            if batch.isEmpty {
                if try await waitForOtherRuns(issue, &watch) { continue }
                break
            }
            summary.add(try await sendBatch(batch, issue: issue, prepared: prepared, pacer: pacer))
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

    /// The next batch to send; suppressed recipients are recorded `skipped` in the claim's transaction
    /// (and another batch claimed when a whole batch was suppressed).
    private func claim(_ issue: DigestIssue) async throws -> [DigestRecipient] {
        while true {
            let claim = DigestClaim.by(
                owner, at: sender.now(), lease: options.lease, runStart: startedAt, limit: options.batchSize)
            let (claimed, deliverable) = try await durably { tx in
                let batch = try await tx.claimDigestDeliveries(issueID: issue.id, claim)
                return (batch.count, try await skippingSuppressed(batch, issue: issue, in: tx))
            }
            if claimed == 0 || !deliverable.isEmpty {
                reportResumed(deliverable, issue)
                return deliverable
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

    /// Renews this run's claims every fifth of a lease until cancelled (a few renewals may fail,
    /// e.g. while the database restarts, before other runs may take the rows over).
    private func keepClaims(_ issue: DigestIssue) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: options.lease / 5)
            if Task.isCancelled { return }
            do {
                try await store.transaction { [owner, sender] tx in
                    try await tx.renewDigestClaims(issueID: issue.id, owner: owner, at: sender.now())
                }
            } catch {
                sender.logger.warning("could not renew digest claims", metadata: ["error": "\(error)"])
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
        summary.recipients = try await store.transaction {
            try await $0.confirmedSubscriberCount(newsletter: newsletter.slug)
        }
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
