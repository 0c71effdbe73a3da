import ArgumentParser
import Foundation
import HeraldApp

/// `herald init [DIR]`: a commented configuration, an admin token and a secret key file.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented herald.yml, a fresh admin token and the secret key file into DIR.",
        discussion: """
            DIR (default: the current folder) must be new or empty; nothing is ever overwritten, and on \
            an error nothing is left behind. Exit status 0, or 3 when nothing was written.
            """)

    @Argument(help: "Folder to set up (created if missing; must be empty).")
    var directory: String = "."

    @Option(help: "Folder for the database, key file and mail folder (default: DIR).")
    var dataDir: String?

    @Flag(help: "For packagers: no admin token and no key file (the package's install script makes them).")
    var withoutSecrets = false

    func run() throws {
        let result: InitialSetup.Result
        do {
            result = try InitialSetup.run(directory: directory, dataDirectory: dataDir, withSecrets: !withoutSecrets)
        } catch {
            FileHandle.standardError.write(Data("herald init: \(error)\n".utf8))
            throw ExitCode(3)
        }
        let config = result.configuration
        print("wrote \(config)" + (result.keyFile.map { " and \($0) (mode 0600)" } ?? ""))
        if result.adminToken != nil { print("the admin API token is admin_token in \(config)") }
        print(
            """

            Next steps:
              1. Edit \(config): base_url, mail_from, smtp_url and your newsletters.
              2. Check the set-up:   herald doctor --config \(config)
              3. Start Herald:       herald serve --config \(config)   and open base_url for the signup page.
            """)
    }
}
