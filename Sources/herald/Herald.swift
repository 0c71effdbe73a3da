import ArgumentParser
import HeraldCommandLine

/// The `herald` command: a self-hosted newsletter subscription service.
@main
struct Herald: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "Herald: self-hosted newsletter signups with double opt-in, confirmation mail and digests.",
        discussion: """
            Configuration comes from ./herald.yml (if present), --config PATH or HERALD_CONFIG, \
            with HERALD_* environment variables overriding single keys. See README.md.
            Exit status: 0 success, 1 a check or delivery failed, 2 usage error, 3 could not start \
            (configuration, database, feed).
            """,
        version: BuildInfo.version,
        subcommands: [
            Serve.self, Migrate.self, CheckEmail.self, Outbox.self, Digest.self, Subscribers.self, Bounces.self,
            Webhooks.self, Doctor.self, Keys.self, Templates.self, Init.self,
        ]
    )

    /// Runs the chosen subcommand; usage errors exit with status 2 (ArgumentParser's default is 64).
    static func main() async {
        if MallocArenas.isImport(CommandLine.arguments) { MallocArenas.shareOne() }
        await runExitingTwoOnUsageError()
    }
}
