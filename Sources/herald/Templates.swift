import ArgumentParser
import Foundation
import HeraldTemplates

/// `herald templates`: the built-in templates.
struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the built-in templates (pages, mails, partials, assets).",
        subcommands: [Export.self])

    /// `herald templates export DIR`: writes the built-in set to start customising.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in templates into DIR.",
            discussion: """
                Keep only the files you change and set `templates: DIR` in herald.yml: each file there \
                replaces the built-in one of the same path; every other template stays built in. \
                Never overwrites a file.
                """)

        @Argument(help: "Folder to write into (created if missing).")
        var directory: String

        func run() throws {
            do {
                let written = try TemplateExport.write(to: directory)
                print("wrote \(written.count) files to \(directory)")
            } catch {
                FileHandle.standardError.write(Data("herald templates export: \(error)\n".utf8))
                throw ExitCode(3)
            }
        }
    }
}
