import Foundation

/// How `herald digest send` runs.
public struct DigestSendOptions: Sendable {
    /// Period key; default: the calendar day in the newsletter's time zone ("2026-11-25").
    public var period: String?
    /// Messages in flight at once.
    public var concurrency: Int
    /// Messages per second at most; nil for no limit.
    public var ratePerSecond: Double?
    /// Render and count without sending or recording anything.
    public var dryRun: Bool
    /// Most articles in one digest.
    public var maxItems: Int
    /// Articles older than this are left out (by their published date, when they have one).
    public var maxAge: Duration?
    /// Deliveries claimed per batch.
    public var batchSize: Int
    /// How long a run's claim on a delivery lasts without renewal (a live run renews its claims
    /// every third of it, ``LeaseKeeper``); a dead run's rows are taken over by another run after this.
    public var lease: Duration
    /// Attempts per message within the run for transient failures.
    public var attempts: Int
    /// Attempts per message over every run after which a message still failing transiently is
    /// recorded `failed` instead of `deferred` (gave up; retrying the issue from the console reopens it).
    public var giveUpAfter: Int
    /// Delay before the second attempt; doubled each time, with ±20 % jitter.
    public var retryDelay: Duration
    /// How long the run keeps retrying a database that is unavailable (e.g. PostgreSQL restarting)
    /// before it stops; results of messages already sent are recorded once the database is back.
    public var outageTolerance: Duration
    /// Consecutive transient failures of one kind (refused, timeout, 421) after which the run stops
    /// claiming, lets the messages in flight finish, and ends `incomplete` naming the relay.
    public var stallLimit: Int
    /// The language whose issue ``DigestSender/send(_:options:progress:)`` sends; nil: the
    /// newsletter's own ``Newsletter/language``.
    public var language: String?

    public init(
        period: String? = nil, concurrency: Int = 4, ratePerSecond: Double? = nil, dryRun: Bool = false,
        maxItems: Int = 20, maxAge: Duration? = nil, batchSize: Int = 500, lease: Duration = .seconds(15),
        attempts: Int = 4, giveUpAfter: Int = 12, retryDelay: Duration = .milliseconds(500),
        outageTolerance: Duration = .seconds(30),
        stallLimit: Int = 5
    ) {
        self.stallLimit = stallLimit
        self.period = period
        self.concurrency = concurrency
        self.ratePerSecond = ratePerSecond
        self.dryRun = dryRun
        self.maxItems = maxItems
        self.maxAge = maxAge
        self.batchSize = batchSize
        self.lease = lease
        self.attempts = attempts
        self.giveUpAfter = giveUpAfter
        self.retryDelay = retryDelay
        self.outageTolerance = outageTolerance
    }
}

/// What a run did, for the one-line summary cron mails to the operator.
public struct DigestRunSummary: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable {
        /// Every delivery of the issue is settled.
        case completed
        /// No articles that earlier digests did not have: nothing was sent.
        case noNewItems = "no_new_items"
        /// The issue for this period was already completed earlier.
        case alreadySent = "already_sent"
        /// Some deliveries are left for the next run: deferred after transient failures, or held by
        /// another run that made no progress for four leases.
        case incomplete
        /// Dry run: rendered and counted only.
        case dryRun = "dry_run"
    }

    public var outcome: Outcome
    public var issueID: Int64?
    public var period: String
    /// The language of the issue this summary is about.
    public var language: String?
    public var items = 0
    public var recipients = 0
    public var sent = 0
    public var failed = 0
    public var deferred = 0
    public var skipped = 0
    /// Deliveries a killed run had claimed and this run sent again (the acceptance window).
    public var resumed = 0
    public var duration: Duration = .zero
    /// Set when the run stopped because the relay stopped answering.
    public var stall: RelayBreaker.Trip?
    /// Where the issue's articles come from (set by dry runs: which feed each language's issue reads).
    public var articlesFrom: String?

    public init(outcome: Outcome, issueID: Int64? = nil, period: String, language: String? = nil) {
        self.outcome = outcome
        self.issueID = issueID
        self.period = period
        self.language = language
    }

    /// The one-line summary: period and language, issue, items, recipients, sent, failed, skipped, duration, rate.
    public var line: String {
        let seconds = duration.seconds
        let rate = seconds > 0 ? Double(sent) / seconds : 0
        return
            "digest \(period)\(language.map { " \($0)" } ?? ""): \(outcome.rawValue); issue \(issueID.map(String.init) ?? "-"), items \(items), "
            + "recipients \(recipients), sent \(sent), failed \(failed), deferred \(deferred), skipped \(skipped), "
            + "resumed \(resumed), \(String(format: "%.1f", seconds)) s, \(String(format: "%.0f", rate)) msg/s"
            + (stall.map { "; stopped early: \($0); the next run resumes" } ?? "")
            + (articlesFrom.map { "; articles from \($0)" } ?? "")
    }
}
