import ArgumentParser
import HeraldCommandLine

/// `herald serve`: runs `herald-serve` in this process (exec: same PID, so SIGTERM from systemd or a
/// test reaches the server) with the arguments after `serve`, unchanged. The HTTP server is its own
/// executable so that the other commands do not link Hummingbird. The options below are parsed here
/// first only so that `herald serve --help` and a usage error answer as before.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve signup forms, confirmation and unsubscribe pages, and deliver queued mail.",
        discussion: """
            Listens on `listen` (default 127.0.0.1:8080), migrates the database first, delivers the \
            mail outbox and webhook events in the background, and stops cleanly on SIGINT or SIGTERM. \
            Runs the `herald-serve` executable installed beside `herald` (or in /usr/libexec/herald).
            """)

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let arguments = Array(CommandLine.arguments.drop(while: { $0 != "serve" }).dropFirst())
        ServeLauncher.exec(arguments: arguments)
    }
}
