import ArgumentParser
import HeraldApp
import HeraldCommandLine
import HeraldCore
import Logging

/// `herald migrate`: brings the database schema up to date.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or upgrade the database schema (safe to run again).",
        discussion: """
            Uses `database_url` (default sqlite:./herald.sqlite). Creates `secret_key_file` (mode 0600) when \
            absent, moving keys an older version kept in the database into it. `herald serve` also does this at start.
            """)

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let (configuration, logger) = try options.load(label: "herald.migrate")
        do {
            _ = try await StoreFactory.open(configuration)
        } catch {
            logger.critical("cannot open the database: \(error)")
            throw ExitCode(3)
        }
        print("database is up to date")
    }
}
