import ArgumentParser
import Foundation
import HeraldApp
import HeraldCommandLine
import HeraldCore
import HeraldTemplates
import Logging

/// `herald digest`: send, preview and inspect digests built from a newsletter's feed.
struct Digest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send, preview and inspect feed digests (run `digest send` from cron).",
        subcommands: [Send.self, Preview.self, Status.self])

    /// Options shared by `send` and `preview`.
    struct ContentOptions: ParsableArguments {
        @Argument(help: "Newsletter slug.")
        var newsletter: String

        @Option(help: "Feed file or http(s) URL instead of the newsletter's digest_feed or digest_feeds.")
        var feed: String?

        @Option(help: "Only the issue in this language (one of the newsletter's languages); default: every one.")
        var language: String?

        @Option(help: "Most articles in one digest.")
        var maxItems = 20

        @Option(help: "Leave out articles older than this many hours.")
        var maxAgeHours: Int?

        func validate() throws {
            guard (1...200).contains(maxItems) else { throw ValidationError("--max-items must be 1…200") }
            if let maxAgeHours, maxAgeHours < 1 { throw ValidationError("--max-age-hours must be at least 1") }
        }

        var sendOptions: DigestSendOptions {
            var options = DigestSendOptions(maxItems: maxItems, maxAge: maxAgeHours.map { .seconds($0 * 3600) })
            options.language = language
            return options
        }

        /// The newsletter, after checking that it offers `--language`.
        func newsletter(in wiring: DigestWiring) throws -> Newsletter {
            let found = try wiring.newsletter(newsletter)
            if let language, !found.languages.contains(language) {
                throw ConfigurationError(
                    "newsletter '\(found.slug)' does not offer --language \(language) (languages: "
                        + found.languages.joined(separator: ", ") + ")")
            }
            return found
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send this period's digest to every confirmed subscriber, exactly once.",
            discussion: """
                Safe to run twice and to kill and rerun: a second run in the same period sends nothing new, \
                a rerun after a crash finishes the issue. Exit status: 0 when every delivery is settled \
                (or there was nothing new), 1 when a delivery failed permanently or was deferred, \
                3 when the run could not start or finish (configuration, database, feed).
                Crontab: 0 7 * * * cd /srv/herald && herald digest send daily
                """)

        @OptionGroup var options: GlobalOptions
        @OptionGroup var content: ContentOptions

        @Option(help: "Period key (default: today's date in the newsletter's time zone).")
        var period: String?

        @Option(help: "Messages in flight at once (default: smtp_pool_size).")
        var concurrency: Int?

        @Option(help: "Send at most this many messages per second.")
        var rate: Double?

        @Flag(help: "Render and count without sending or recording anything.")
        var dryRun = false

        func validate() throws {
            if let period, period.isEmpty || period.count > 64 || period.contains(where: \.isNewline) {
                throw ValidationError("--period must be 1…64 characters on one line")
            }
            if let concurrency, !(1...64).contains(concurrency) { throw ValidationError("--concurrency must be 1…64") }
            if let rate, !(rate > 0) { throw ValidationError("--rate must be positive") }
        }

        /// SQLite's page cache for a send, in KiB. A send reads each delivery and subscriber once, in
        /// order; with SQLite's default 2,000 KiB its peak memory was about 0.5 MB higher at 10,000 and
        /// 100,000 subscribers and 2.2 MB higher at 1,000,000, where it grew during the send, at the
        /// same speed (BENCHMARKS.md, issue #21 target 4).
        static let sqlitePageCacheKiB = 1024

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.digest")
            let dependencies = try await openDependencies(
                configuration, logger: logger, sqlitePageCacheKiB: Self.sqlitePageCacheKiB)
            let wiring = DigestWiring(
                configuration: configuration, dependencies: dependencies, feedOverride: content.feed)
            var sendOptions = content.sendOptions
            sendOptions.period = period
            sendOptions.concurrency = concurrency ?? configuration.smtpPoolSize
            sendOptions.ratePerSecond = rate
            sendOptions.dryRun = dryRun
            sendOptions.stallLimit = configuration.relayStallLimit
            sendOptions.giveUpAfter = configuration.digestGiveUpAfter
            let summaries: [DigestRunSummary]
            do {
                let newsletter = try content.newsletter(in: wiring)
                let reporter = ProgressReporter()
                let sender = try wiring.sender()
                summaries =
                    content.language == nil
                    ? try await sender.sendEveryLanguage(newsletter, options: sendOptions) { reporter.report($0) }
                    : [try await sender.send(newsletter, options: sendOptions) { reporter.report($0) }]
                reporter.finish()
            } catch {
                logger.critical("digest send failed: \(error)")
                throw ExitCode(3)
            }
            for summary in summaries { print(summary.line) }
            if summaries.contains(where: { $0.failed > 0 || $0.deferred > 0 || $0.outcome == .incomplete }) {
                throw ExitCode(1)
            }
        }
    }

    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render the next digest for a sample subscriber without sending or recording anything.")

        @OptionGroup var options: GlobalOptions
        @OptionGroup var content: ContentOptions

        @Option(help: "Write the HTML part here (default: digest-preview.html).")
        var output = "digest-preview.html"

        /// Benchmarks only (scripts/bench-render): time this many personalised messages instead.
        @Option(help: .private)
        var measure: Int?

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.digest")
            let dependencies = try await openDependencies(configuration, logger: logger)
            let wiring = DigestWiring(
                configuration: configuration, dependencies: dependencies, feedOverride: content.feed)
            if let measure {
                let timing = try await wiring.measureRendering(
                    try content.newsletter(in: wiring), options: content.sendOptions, count: measure)
                print(
                    "messages=\(timing.messages) bytes=\(timing.messageBytes) prepare=\(timing.prepare)"
                        + " whole_us_per_message=\(String(format: "%.1f", timing.wholeMessageMicroseconds))"
                        + " us_per_message=\(String(format: "%.1f", timing.microsecondsPerMessage))")
                return
            }
            do {
                let preview = try await wiring.preview(
                    try content.newsletter(in: wiring), options: content.sendOptions)
                try Data(preview.rendered.html.utf8).write(to: URL(fileURLWithPath: output))
                print("subject: \(preview.rendered.subject)")
                print("new articles: \(preview.articles.count); recipients now: \(preview.recipients)")
                for article in preview.articles { print("- \(article.title)") }
                print("HTML written to \(output)")
            } catch {
                logger.critical("digest preview failed: \(error)")
                throw ExitCode(3)
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a digest issue's progress and failures.",
            discussion: """
                'sending' rows of a finished run are messages whose acceptance was not recorded because \
                the run died; the next run sends them again (see README, the acceptance window).
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: "Newsletter slug.")
        var newsletter: String

        @Option(help: "Period key (default: today's date in the newsletter's time zone).")
        var period: String?

        @Option(help: "The issue's language (default: the newsletter's language).")
        var language: String?

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.digest")
            let dependencies = try await openDependencies(configuration, logger: logger)
            let wiring = DigestWiring(configuration: configuration, dependencies: dependencies)
            let newsletter = try wiring.newsletter(self.newsletter)
            let key = period ?? DigestSender.periodKey(for: Date(), timeZone: newsletter.timeZone)
            let report = try await DigestReports(store: dependencies.store).issue(
                newsletter: newsletter.slug, period: key, language: language ?? newsletter.language, failureLimit: 20)
            guard let (issue, progress) = report else {
                print("no digest issue for \(newsletter.slug) in period \(key)")
                return
            }
            print(
                "issue \(issue.id) \(newsletter.slug)/\(issue.period) \(issue.language): \(issue.completedAt == nil ? "in progress" : "complete")"
            )
            print("articles: \(issue.articles.count)")
            for state in DeliveryState.allCases { print("\(state.rawValue): \(progress.counts[state] ?? 0)") }
            for failure in progress.failures { print("subscriber \(failure.subscriberID): \(failure.result)") }
        }
    }
}

/// A progress bar on a terminal, a log line every few seconds otherwise.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastLine = ContinuousClock.now

    func report(_ progress: DigestProgressReport) {
        lock.withLock {
            let fraction = progress.total > 0 ? Double(progress.done) / Double(progress.total) : 1
            if isTerminal {
                let filled = Int(fraction * 30)
                let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
                FileHandle.standardError.write(
                    Data(
                        "\r[\(bar)] \(progress.done)/\(progress.total) sent \(progress.sent) failed \(progress.failed)"
                            .utf8))
            } else if ContinuousClock.now - lastLine > .seconds(5) {
                lastLine = .now
                FileHandle.standardError.write(
                    Data(
                        "digest \(progress.period): \(progress.done)/\(progress.total) done, \(progress.sent) sent, \(progress.failed) failed\n"
                            .utf8))
            }
        }
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
