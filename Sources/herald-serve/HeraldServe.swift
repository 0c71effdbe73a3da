import ArgumentParser
import HeraldApp
import HeraldCommandLine
import HeraldCore
import HeraldServer
import Hummingbird

/// `herald serve`: the HTTP server and the outbox worker. Its own executable, `herald-serve`, so that
/// only it links Hummingbird; `herald serve ARGS` execs `herald-serve ARGS` (see `ServeLauncher`).
@main
struct HeraldServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald serve",
        abstract: "Serve signup forms, confirmation and unsubscribe pages, and deliver queued mail.",
        discussion: """
            Listens on `listen` (default 127.0.0.1:8080), migrates the database first, delivers the \
            mail outbox and webhook events in the background, and stops cleanly on SIGINT or SIGTERM.
            """)

    @OptionGroup var options: GlobalOptions

    /// Runs the server; usage errors exit with status 2, as every `herald` command's do.
    static func main() async {
        await runExitingTwoOnUsageError()
    }

    func run() async throws {
        let (configuration, logger) = try options.load(label: "herald.serve")
        let dependencies = try await openDependencies(configuration, logger: logger)
        let app = try buildApplication(configuration: configuration, dependencies: dependencies)
        do {
            try await app.runService()
        } catch {
            await ShutdownReport.log(dependencies)
            try? await dependencies.store.checkpoint()
            throw error
        }
        await ShutdownReport.log(dependencies)
        // A clean stop leaves the database file complete (an erasure's zeroed pages included) even
        // if a background task still holds the store when the process exits.
        try await dependencies.store.checkpoint()
    }
}
