import ArgumentParser
import Foundation
import HeraldApp
import HeraldCommandLine
import HeraldCore
import HeraldImport

extension Subscribers {
    /// `herald subscribers export`.
    struct ExportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export subscriptions as CSV for spreadsheets (and for import into another Herald).",
            discussion: """
                One row per subscription: email,name,newsletter,status,created_at,confirmed_at and one column per \
                attribute. UTF-8 with a byte order mark, CRLF line breaks; cells starting with = + - @ tab or CR \
                get a leading apostrophe so spreadsheets do not run them as formulas (the importer removes it). \
                The file is created readable by its owner only.
                """)

        @OptionGroup var options: GlobalOptions

        @Option(help: "Only this newsletter.")
        var newsletter: String?

        @Option(help: "Only this status: confirmed, pending or unsubscribed.")
        var status: SubscriptionStatus?

        @Option(help: "Write here instead of standard output.")
        var output: String?

        @Flag(help: "Leave out the UTF-8 byte order mark.")
        var noByteOrderMark = false

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.export")
            if let newsletter, !configuration.newsletters.contains(where: { $0.slug == newsletter }) {
                throw ValidationError("--newsletter \(newsletter): no configured newsletter has this slug")
            }
            let dependencies = try await openDependencies(configuration, logger: logger)
            let handle = try openOutput()
            defer { if output != nil { try? handle.close() } }
            let count = try await SubscriberExporter(store: dependencies.store).export(
                newsletter: newsletter, status: status, byteOrderMark: !noByteOrderMark
            ) { try handle.write(contentsOf: $0) }
            FileHandle.standardError.write(Data("exported \(count) row(s)\n".utf8))
        }

        private func openOutput() throws -> FileHandle {
            guard let output else { return FileHandle.standardOutput }
            guard FileManager.default.createFile(atPath: output, contents: nil, attributes: [.posixPermissions: 0o600]),
                let handle = FileHandle(forWritingAtPath: output)
            else {
                FileHandle.standardError.write(Data("cannot write \(output)\n".utf8))
                throw ExitCode(3)
            }
            return handle
        }
    }
}
