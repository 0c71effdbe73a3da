import ArgumentParser
import Foundation
import HeraldApp
import HeraldCommandLine
import HeraldCore
import HeraldImport

extension Subscribers {
    /// `herald subscribers import FILE.csv`.
    struct ImportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import subscribers from a CSV file (columns: email, name, any others become attributes).",
            discussion: """
                Reserved columns: email (required), name, newsletter, status, created_at, confirmed_at; cell values \
                win over --newsletter/--status. UTF-8 (a BOM is fine), comma-separated, RFC 4180 quoting. Bad rows \
                are reported on stderr as 'line N: code: reason' and skipped; suppressed (erased, bounced) \
                addresses are skipped and counted. An import never resubscribes someone who unsubscribed. \
                Exit status: 0 every row accepted, 1 some rows invalid (with --strict: nothing imported), \
                2 usage error, 3 the file or the database could not be used.
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The CSV file.")
        var file: String

        @Option(help: "Newsletter slug for rows without a newsletter cell (default: the first configured).")
        var newsletter: String?

        @Option(help: "confirmed or pending, for rows without a status cell.")
        var status: SubscriptionStatus = .confirmed

        @Flag(help: "Queue a confirmation mail for every new pending subscription (with --status pending).")
        var sendConfirmation = false

        @Flag(help: "Import nothing if any row is invalid.")
        var strict = false

        @Option(help: "Rows per transaction.")
        var batchSize = 5000

        @Option(name: .customLong("operator"), help: "Who runs the import, for the consent record (default: $USER).")
        var operatorName: String?

        func validate() throws {
            guard status != .unsubscribed else { throw ValidationError("--status must be confirmed or pending") }
            if sendConfirmation, status != .pending {
                throw ValidationError("--send-confirmation needs --status pending (confirmed rows get no mail)")
            }
            guard (1...100_000).contains(batchSize) else { throw ValidationError("--batch-size must be 1…100000") }
        }

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.import")
            let dependencies = try await openDependencies(configuration, logger: logger)
            let service = try makeSubscriptionService(configuration: configuration, dependencies: dependencies)
            let importer = SubscriberImporter(
                store: dependencies.store, newsletters: configuration.newsletters, confirmations: service)
            let importOptions = ImportOptions(
                newsletter: newsletter, status: status, sendConfirmation: sendConfirmation, strict: strict,
                batchSize: batchSize, emailPolicy: try emailPolicy(configuration), operatorName: operatorLabel)
            let reporter = ImportProgressReporter()
            let summary: ImportSummary
            do {
                summary = try await importer.run(
                    path: file, options: importOptions, invalidRow: { reporter.invalid($0) },
                    progress: { reporter.progress($0) })
            } catch let error as ImportUsageError {
                reporter.finish()
                throw ValidationError(error.description)
            } catch {
                reporter.finish()
                FileHandle.standardError.write(Data("import failed: \(error)\n".utf8))
                throw ExitCode(3)
            }
            reporter.finish()
            print(summary.line)
            if summary.invalid > 0 { throw ExitCode(1) }
        }

        private var operatorLabel: String {
            operatorName ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "cli"
        }

        private func emailPolicy(_ configuration: HeraldConfiguration) throws -> EmailValidationPolicy {
            guard let path = configuration.disposableDomainsFile else { return .default }
            do {
                return EmailValidationPolicy(blockedDomains: try DisposableDomainList(contentsOfFile: path))
            } catch {
                FileHandle.standardError.write(
                    Data("configuration error: disposable_domains_file \(path): \(error)\n".utf8))
                throw ExitCode(3)
            }
        }
    }
}

extension SubscriptionStatus: ExpressibleByArgument {}
