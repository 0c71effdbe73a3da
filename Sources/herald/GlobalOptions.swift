import ArgumentParser
import Foundation
import HeraldApp
import Logging

/// Options every subcommand that reads the configuration takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: $HERALD_CONFIG, else ./herald.yml if present).")
    var config: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    /// Loads the configuration and sets up logging; exits with status 3 and a message naming the
    /// bad key on error.
    func load(label: String) throws -> (HeraldConfiguration, Logger) {
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
