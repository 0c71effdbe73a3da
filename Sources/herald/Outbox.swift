import ArgumentParser
import Foundation
import HeraldCore
import HeraldMail
import HeraldServer

/// `herald outbox`: inspect and drain the mail outbox.
struct Outbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect or deliver the queued mail.",
        subcommands: [Deliver.self, Status.self])

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
            let summary = try await dependencies.store.transaction { try await $0.outboxSummary() }
            for state in OutboxState.allCases { print("\(state.rawValue): \(summary.counts[state] ?? 0)") }
            if let oldest = summary.oldestPendingCreatedAt {
                print("oldest pending: \(Int(Date().timeIntervalSince(oldest))) s")
            } else {
                print("oldest pending: none")
            }
        }
    }
}
