import ArgumentParser
import HeraldApp
import HeraldCommandLine
import HeraldCore

/// `herald subscribers`: list maintenance.
struct Subscribers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Maintain the subscriber list.",
        subcommands: [PurgePending.self, RemindPending.self, ImportCommand.self, ExportCommand.self])

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

    struct RemindPending: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remind-pending",
            abstract: "Queue the one reminder of signups unconfirmed after reminder_hours (serve does this itself).",
            discussion: """
                Each reminder carries a fresh confirmation link (the first one stops working) and goes through \
                the outbox and its throttles; run `herald outbox deliver` after it when no `herald serve` is \
                running. Safe to run from cron on several machines at once: a signup is reminded once.
                """)

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.subscribers")
            guard configuration.signup.reminderAfter != nil else {
                print("reminders are off (reminder_hours: 0)")
                return
            }
            let dependencies = try await openDependencies(configuration, logger: logger)
            let round = try await makeSubscriptionService(configuration: configuration, dependencies: dependencies)
                .sendDueReminders()
            print(
                "queued \(round.queued) reminder(s); \(round.skipped) signup(s) confirmed or suppressed meanwhile; "
                    + "\(round.deferred) held back by the throttle")
        }
    }
}
