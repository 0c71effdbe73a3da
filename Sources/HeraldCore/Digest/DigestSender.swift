import Foundation
import Logging

/// What a digest run touches: the issue and its deliveries, the suppression list (suppressed
/// recipients are skipped) and, through its ``BounceRecorder``, the bounce log.
public typealias DigestSenderOperations = DigestIssueOperations & LeasedQueueOperations & SuppressionListOperations
    & BounceRecordingOperations

/// Sends a newsletter's digest for a period exactly once, resumably, shared by any number of runs.
///
/// A newsletter offering several languages has one issue per language: each subscriber's
/// delivery row is in the issue of their language (see ``DigestEdition``). An issue and its
/// delivery rows are created in one transaction under a unique (newsletter, period, language) key. Each run claims deliveries in batches (several runs started
/// together split the rows between them), marks each `sending` just before its SMTP transaction
/// and records the result as soon as the server answers. A run renews its claims while it works;
/// a run that dies stops renewing, and one lease later another run (or the next one) takes its
/// rows over. The only possible duplicate is a message the server accepted in the instant before
/// its run died and could record it (counted as `resumed`).
public struct DigestSender: Sendable {
    let store: ScopedStore<any DigestSenderOperations>
    let source: any DigestSource
    let composer: any DigestComposer
    let transport: any MailTransport
    let signer: ManageLinkSigner
    let logger: Logger
    let now: @Sendable () -> Date
    /// Told about recipients the server refused for good (hard bounces), if set.
    public var bounces: (any BounceRecorder)?
    /// Signs a VERP envelope sender per delivery (`bounce_address`), if set.
    public var verp: VERPSigner?

    public init(
        store: any SubscriberStore, source: any DigestSource, composer: any DigestComposer,
        transport: any MailTransport, signer: ManageLinkSigner, logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = ScopedStore(store) { $0 }
        self.source = source
        self.composer = composer
        self.transport = transport
        self.signer = signer
        self.logger = logger
        self.now = now
    }

    /// Runs `herald digest send` for `newsletter` in every language it offers, its own first: one
    /// ``send(_:options:progress:)`` per language, one summary each.
    public func sendEveryLanguage(
        _ newsletter: Newsletter, options: DigestSendOptions,
        progress: @escaping @Sendable (DigestProgressReport) -> Void = { _ in }
    ) async throws -> [DigestRunSummary] {
        var summaries: [DigestRunSummary] = []
        for language in newsletter.languages {
            var one = options
            one.language = language
            summaries.append(try await send(newsletter, options: one, progress: progress))
        }
        return summaries
    }

    /// Runs `herald digest send` for `newsletter` in `options.language` (default: the newsletter's
    /// own): finishes any interrupted issue in that language, then sends this period's issue if
    /// there are new articles. `progress` is called after every batch.
    public func send(
        _ newsletter: Newsletter, options: DigestSendOptions,
        progress: @escaping @Sendable (DigestProgressReport) -> Void = { _ in }
    ) async throws -> DigestRunSummary {
        let started = ContinuousClock.now
        let period = options.period ?? Self.periodKey(for: now(), timeZone: newsletter.timeZone)
        let edition = DigestEdition(of: newsletter, language: options.language ?? newsletter.language)
        var summary = try await sendPeriod(
            newsletter, period: period, edition: edition, options: options, progress: progress)
        summary.duration = ContinuousClock.now - started
        return summary
    }

    private func sendPeriod(
        _ newsletter: Newsletter, period: String, edition: DigestEdition, options: DigestSendOptions,
        progress: @escaping @Sendable (DigestProgressReport) -> Void
    ) async throws -> DigestRunSummary {
        let run = DigestRun(sender: self, newsletter: newsletter, options: options, progress: progress)
        let language = edition.language
        if !options.dryRun {
            let unfinished = try await store.transaction {
                try await $0.incompleteDigestIssues(newsletter: newsletter.slug)
            }
            for issue in unfinished where issue.language == language && issue.period != period {
                logger.notice("finishing an interrupted digest", metadata: ["period": "\(issue.period)"])
                _ = try await run.deliver(issue)
            }
        }
        if let existing = try await issue(newsletter, period, language) {
            // A dry run never sends, not even an interrupted issue's remaining deliveries.
            return options.dryRun ? try await run.dryRun(existing: existing) : try await join(existing, run)
        }
        let articles = try await freshArticles(newsletter, language: language, options: options)
        guard !articles.isEmpty else {
            // A run started at the same moment may have just created this period's issue with them.
            if !options.dryRun, let raced = try await issue(newsletter, period, language) {
                return try await join(raced, run)
            }
            return DigestRunSummary(outcome: .noNewItems, period: period, language: language)
        }
        if options.dryRun { return try await run.dryRun(articles, period: period, language: language) }
        let created: DigestIssue
        do {
            created = try await store.transaction { [now] tx in
                try await tx.createDigestIssue(
                    newsletter: newsletter.slug, period: period, edition: edition, articles: articles, at: now())
            }
        } catch let error as StoreError where error.isDuplicate {
            guard let raced = try await issue(newsletter, period, language) else { throw error }
            created = raced
        }
        return try await run.deliver(created)
    }

    private func issue(_ newsletter: Newsletter, _ period: String, _ language: String) async throws -> DigestIssue? {
        try await store.transaction {
            try await $0.digestIssue(newsletter: newsletter.slug, period: period, language: language)
        }
    }

    /// Helps send an issue that exists already (another run created it), or reports it sent.
    private func join(_ issue: DigestIssue, _ run: DigestRun) async throws -> DigestRunSummary {
        guard issue.completedAt == nil else {
            return DigestRunSummary(
                outcome: .alreadySent, issueID: issue.id, period: issue.period, language: issue.language)
        }
        return try await run.deliver(issue)
    }

    /// The source's articles in `language` that no earlier digest of this newsletter in that
    /// language had, within the age and count limits.
    public func freshArticles(_ newsletter: Newsletter, language: String, options: DigestSendOptions) async throws
        -> [DigestArticle]
    {
        let all = try await source.articles(for: newsletter, language: language)
        let oldest = options.maxAge.map { now().addingTimeInterval(-$0.seconds) }
        let recent = all.filter { article in
            guard let oldest, let published = article.published else { return true }
            return published >= oldest
        }
        let seen = try await store.transaction { tx in
            try await tx.seenArticleKeys(
                newsletter: newsletter.slug, language: language, identities: recent.map(\.identity),
                links: recent.compactMap(\.linkIdentity))
        }
        var fresh: [DigestArticle] = []
        var taken = Set<String>()
        for article in recent where !seen.contains(article.identity) {
            if let link = article.linkIdentity, seen.contains(link) || taken.contains(link) { continue }
            guard taken.insert(article.identity).inserted else { continue }
            if let link = article.linkIdentity { taken.insert(link) }
            fresh.append(article)
        }
        return Array(fresh.prefix(options.maxItems))
    }

    /// The calendar day of `date` in `timeZone`, as `yyyy-MM-dd`.
    public static func periodKey(for date: Date, timeZone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

/// Progress of a running send, for the progress bar or periodic log lines.
public struct DigestProgressReport: Sendable {
    public var period: String
    public var total: Int
    public var done: Int
    public var sent: Int
    public var failed: Int
}
