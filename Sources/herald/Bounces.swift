import ArgumentParser
import Foundation
import HeraldApp
import HeraldCommandLine
import HeraldCore
import HeraldMail

/// `herald bounces`: feed delivery status notifications and complaint reports in by hand or from a mailbox.
struct Bounces: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record bounces and complaints from report files.",
        subcommands: [Ingest.self])

    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the bounces in RFC 3464 delivery status notifications (and RFC 5965 complaints).",
            discussion: """
                Each FILE is one message as saved from a mailbox (.eml; CRLF or LF), or - for standard input. \
                A 5.x.x status is a hard bounce and suppresses the address; 4.x.x is a soft bounce (suppresses \
                after bounce_soft_limit within bounce_soft_window_days); an abuse report is a complaint and \
                suppresses. Exit status: 0 every file was read and recorded, 1 a file could not be read or \
                parsed or named an invalid address (the other files are still recorded), 3 could not start.
                """)

        @OptionGroup var options: GlobalOptions

        @Option(
            help: ArgumentHelp(
                "The address the report was delivered to (the mail server's recipient, e.g. Postfix ${original_recipient}).",
                valueName: "address"))
        var recipient: String?

        @Argument(help: "Report files (.eml), or - for standard input.")
        var files: [String]

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("name at least one report file") }
        }

        func run() async throws {
            let (configuration, logger) = try options.load(label: "herald.bounces")
            let dependencies = try await openDependencies(configuration, logger: logger)
            let service = makeBounceService(configuration: configuration, dependencies: dependencies)
            let verp = makeVERPSigner(configuration: configuration, dependencies: dependencies)
            var failed = false
            for file in files {
                do {
                    failed = try await ingest(file, service: service, verp: verp) || failed
                } catch let error as ReportFileError {
                    print("\(file): \(error.message)")
                    failed = true
                } catch let error as DeliveryReportError {
                    print("\(file): \(error.message)")
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }

        /// Records one file's reports; true when one of them could not be recorded.
        private func ingest(_ file: String, service: BounceService, verp: VERPSigner?) async throws -> Bool {
            let bytes = try ReportFile.read(file, limit: DeliveryReportParser.maximumBytes)
            let report = try DeliveryReportParser.parse(bytes, receivedAt: Date())
            let message = BounceMessage(
                named: report.bounces, unnamed: report.unnamed,
                sentTo: (recipient.map { [$0] } ?? []) + report.deliveredTo)
            let attribution = try await service.record(message, signer: verp)
            if let line = attribution.tag.summary { print("\(file): \(line)") }
            if attribution.tag == .forged || !(attribution.tag.isAttributed), !report.unnamed.isEmpty {
                print("\(file): ignored \(report.unnamed.count) failure(s) naming no recipient (no valid tag)")
            }
            var failed = false
            for (bounce, outcome) in zip(attribution.reports, attribution.outcomes) {
                print(
                    "\(file): \(bounce.kind.rawValue) \(DeliveryReport.printable(bounce.address)): \(outcome.summary)")
                if case .invalidAddress = outcome { failed = true }
            }
            for reason in report.ignored { print("\(file): ignored \(reason)") }
            if attribution.reports.isEmpty && report.ignored.isEmpty && report.unnamed.isEmpty {
                print("\(file): no recipients in the report")
            }
            return failed
        }
    }
}

extension BounceTagUse {
    /// What the tag did, for the operator; nil without a tag.
    var summary: String? {
        switch self {
        case .untagged: nil
        case .attributed(let tag): "attributed by its VERP tag (\(tag.summary))"
        case .unknownMessage(let tag): "VERP tag checks but names a message no longer stored (\(tag.summary))"
        case .forged: "ignored a forged VERP tag (counted); attributed by the report's recipients"
        }
    }

    var isAttributed: Bool { if case .attributed = self { true } else { false } }
}

extension BounceTag {
    var summary: String {
        switch self {
        case .outbox(let id): "outbox message \(id)"
        case .digest(let issue, let subscriber): "digest issue \(issue), subscriber \(subscriber)"
        }
    }
}

extension BounceOutcome {
    /// "suppressed (hard_bounce)", "recorded", …
    var summary: String {
        switch self {
        case .suppressed(let reason): "suppressed (\(reason.rawValue))"
        case .alreadySuppressed(let reason): "already suppressed (\(reason.rawValue))"
        case .recorded: "recorded"
        case .duplicate: "already recorded (same report)"
        case .invalidAddress(let why): "not recorded: invalid address (\(why))"
        }
    }
}
