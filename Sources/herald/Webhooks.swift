import ArgumentParser
import Foundation
import HeraldApp
import HeraldCommandLine
import HeraldCore
import HeraldWebhooks

/// `herald webhooks`: inspect and drain the webhook outbox.
struct Webhooks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect or deliver queued webhook events.",
        subcommands: [Deliver.self, Status.self])

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deliver every due webhook event once, then exit (herald serve does this continuously).",
            discussion: "Exit status 0 when nothing failed for good in this run, 1 otherwise, 3 could not start.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.webhooks")
            let dependencies = try await openDependencies(configuration, logger: logger)
            let round = try await makeWebhookWorker(configuration: configuration, dependencies: dependencies).drain()
            print("webhooks: delivered \(round.delivered), retry later \(round.retried), failed \(round.failed)")
            if round.failed > 0 { throw ExitCode(1) }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show webhook deliveries by state.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.webhooks")
            let dependencies = try await openDependencies(configuration, logger: logger)
            let counts = try await QueueStatus(store: dependencies.store).webhooks()
            for state in WebhookDeliveryState.allCases { print("\(state.rawValue): \(counts[state] ?? 0)") }
        }
    }
}
