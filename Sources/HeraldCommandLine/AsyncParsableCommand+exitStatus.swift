import ArgumentParser
import Foundation

extension AsyncParsableCommand {
    /// Parses the command line and runs the chosen command; a usage error prints its message and
    /// exits with status 2 (ArgumentParser's default is 64), anything else exits as ArgumentParser does.
    package static func runExitingTwoOnUsageError() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
