import ArgumentParser
import Foundation
import HeraldApp
import HeraldCommandLine
import HeraldCore
import HeraldMail

/// `herald outbox`: inspect and drain the mail outbox.
struct Outbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect or deliver the queued mail.",
        subcommands: [Deliver.self, Status.self, Failed.self, Retry.self, Discard.self])

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deliver every due mail once, then exit (for cron or debugging).",
            discussion: """
                Exit status 0 when nothing failed for good in this run, 1 otherwise (also when the relay \
                stopped answering: the rest is left queued).
                """)

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.outbox")
            let dependencies = try await openDependencies(configuration, logger: logger)
            let round = try await makeOutboxWorker(configuration: configuration, dependencies: dependencies).drain()
            print(
                "outbox: sent \(round.sent), retry later \(round.retried), failed \(round.failed)"
                    + (round.stall.map { "; stopped early: \($0)" } ?? ""))
            if round.failed > 0 || round.stall != nil { throw ExitCode(1) }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show outbox counts by state and the oldest pending age.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.outbox")
            let dependencies = try await openDependencies(configuration, logger: logger)
            let summary = try await QueueStatus(store: dependencies.store).outbox()
            for state in OutboxState.allCases { print("\(state.rawValue): \(summary.counts[state] ?? 0)") }
            if let oldest = summary.oldestPendingCreatedAt {
                print("oldest pending: \(Int(Date().timeIntervalSince(oldest))) s")
            } else {
                print("oldest pending: none")
            }
        }
    }

    struct Failed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List failed and deferred mail, newest first, with the server's last reply.")

        @OptionGroup var options: GlobalOptions

        @Option(help: "Most mails to list (1…1000).")
        var limit = 50

        func validate() throws {
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be 1…1000") }
        }

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.outbox")
            let dependencies = try await openDependencies(configuration, logger: logger)
            let mails = try await OutboxReview(store: dependencies.store)
                .mailNeedingAttention(beforeID: nil, limit: limit)
            for mail in mails {
                let state = mail.state == .failed ? "failed" : "deferred"
                let kept = mail.mail.data.isEmpty ? " (message no longer kept)" : ""
                print(
                    "\(mail.id)\t\(mail.kind.rawValue)\t\(state)\t\(mail.attempts)\t"
                        + "\(mail.mail.recipients.joined(separator: ","))\t\(mail.lastResult ?? "")\(kept)")
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a failed or deferred mail again now (as the console's Mail page does; audited).")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The mail's id (from `herald outbox failed`).")
        var id: Int64

        @Option(name: .customLong("operator"), help: "Who retries it, for the audit log (default: $USER).")
        var operatorName: String?

        func run() async throws {
            try await Outbox.review(options, operatorName, id) { try await $0.retry(mailID: id, actor: $1) }
            print("mail \(id) will be sent by the next `herald outbox deliver` or the running server")
        }
    }

    struct Discard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give up on a failed or deferred mail and remove its message (audited).")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The mail's id (from `herald outbox failed`).")
        var id: Int64

        @Option(name: .customLong("operator"), help: "Who discards it, for the audit log (default: $USER).")
        var operatorName: String?

        func run() async throws {
            try await Outbox.review(options, operatorName, id) { try await $0.discard(mailID: id, actor: $1) }
            print("mail \(id) discarded")
        }
    }

    /// Runs a retry or discard; a refusal prints why and exits 1.
    static func review(
        _ options: GlobalOptions, _ operatorName: String?, _ id: Int64,
        _ change: (OutboxReview, String) async throws -> Void
    ) async throws {
        let (configuration, logger) = try options.load(label: "herald.outbox")
        let dependencies = try await openDependencies(configuration, logger: logger)
        let actor = "cli:" + (operatorName ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown")
        do {
            try await change(OutboxReview(store: dependencies.store), actor)
        } catch let error as OutboxReviewError {
            FileHandle.standardError.write(Data("outbox: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
