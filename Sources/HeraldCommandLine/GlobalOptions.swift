import ArgumentParser
import Foundation
import HeraldApp
import Logging

/// Options every subcommand that reads the configuration takes (`herald`'s and `herald-serve`'s).
package struct GlobalOptions: ParsableArguments {
    /// The configuration file named by `--config`, if any.
    @Option(name: .long, help: "Configuration file (default: $HERALD_CONFIG, else ./herald.yml if present).")
    package var config: String?

    /// The lowest level logged (`--log-level`).
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    package var logLevel: Logger.Level = .info

    /// Options as given on no command line: no `--config`, level `info`.
    package init() {}

    /// Loads the configuration and sets up logging; exits with status 3 and a message naming the
    /// bad key on error.
    package func load(label: String) throws -> (HeraldConfiguration, Logger) {
        let level = logLevel
        LoggingSystem.bootstrap { name in
            var handler = StreamLogHandler.standardError(label: name)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: label)
        do {
            let (configuration, warnings) = try ConfigurationLoader.load(
                path: config, environment: ProcessInfo.processInfo.environment)
            for warning in warnings { logger.warning("\(warning)") }
            return (configuration, logger)
        } catch {
            FileHandle.standardError.write(Data("configuration error: \(error)\n".utf8))
            throw ExitCode(3)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
