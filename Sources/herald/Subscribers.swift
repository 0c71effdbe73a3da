import ArgumentParser
import HeraldCore
import HeraldServer

/// `herald subscribers`: list maintenance.
struct Subscribers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Maintain the subscriber list.",
        subcommands: [PurgePending.self, ImportCommand.self, ExportCommand.self])

    struct PurgePending: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "purge-pending",
            abstract: "Remove signups not confirmed within the confirmation lifetime (serve does this hourly).",
            discussion: "People left with no subscription are removed with their tokens and consent log.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.subscribers")
            let dependencies = try await openDependencies(configuration, logger: logger)
            let removed = try await makeSubscriptionService(configuration: configuration, dependencies: dependencies)
                .purgeExpiredPending()
            print("removed \(removed) unconfirmed signup(s)")
        }
    }
}
