import ArgumentParser
import Foundation
import HeraldApp
import HeraldCommandLine
import HeraldCore
import Logging

/// `herald keys`: the secret keys kept outside the database.
struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the secret keys in secret_key_file.",
        subcommands: [Rotate.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a new manage-link signing key; the older keys keep verifying links already sent.",
            discussion: """
                Creates the key file first when it is absent (as herald migrate does). Restart the running \
                Herald processes to sign with the new key. Remove an old 'manage-link' line from the file to \
                revoke the links signed with it. Exit status 0, or 3 when the keys cannot be read or written.
                """)

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.keys")
            guard configuration.secretKeys == nil else {
                logger.critical("secret_keys (HERALD_SECRET_KEYS) is set: rotate by editing that value instead")
                throw ExitCode(3)
            }
            do {
                let (_, keys) = try await StoreFactory.open(configuration)
                let rotated = keys.rotated()
                try SecretKeyStorage.replace(configuration.secretKeyFilePath, with: rotated)
                print(
                    "\(configuration.secretKeyFilePath): new manage-link signing key added; "
                        + "\(rotated.manageLinkKeys.count) keys verify")
            } catch {
                logger.critical("cannot rotate the keys: \(error)")
                throw ExitCode(3)
            }
        }
    }
}
