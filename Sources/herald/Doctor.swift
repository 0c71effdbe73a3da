import ArgumentParser
import Foundation
import HeraldApp
import HeraldCommandLine
import HeraldDNS
import Logging

/// `herald doctor`: is this set-up right? A checklist with a fix for every problem.
struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the set-up: configuration, database, SMTP relay, the sending domain's DNS.",
        discussion: """
            Prints a checklist (✓ met, ⚠ worth a look, ✗ broken, each with the fix). The SMTP check connects, \
            says EHLO, STARTTLS (checking the certificate), AUTH and MAIL FROM, then RSET: nothing is sent. \
            DNS goes through the system resolver (libresolv) unless --resolver names a server. Exit status: \
            0 nothing broken, 1 a ✗ line, 3 the configuration could not be read.
            """)

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Print the checklist as one JSON object (for monitoring).")
    var json = false

    @Option(help: ArgumentHelp("Ask this DNS server (IPv4 HOST:PORT) instead of the system's.", valueName: "host:port"))
    var resolver: String?

    @Option(help: ArgumentHelp("Also send one real test mail to ADDRESS through the outbox.", valueName: "address"))
    var sendTest: String?

    func validate() throws {
        if let resolver, Self.server(resolver) == nil {
            throw ValidationError("--resolver must be an IPv4 address and port, such as 127.0.0.1:5353")
        }
    }

    func run() async throws {
        let (configuration, logger) = try options.load(label: "herald.doctor")
        let doctor = HeraldApp.Doctor(
            configuration: configuration, resolver: DNSResolver(server: resolver.flatMap(Self.server)))
        let outcome = await doctor.run()
        var report = outcome.report
        if let sendTest {
            if let store = outcome.store, let templates = outcome.templates {
                report.checks.append(
                    await doctor.sendTest(to: sendTest, store: store, templates: templates, logger: logger))
            } else {
                report.checks.append(
                    DoctorCheck(
                        .failure, "send_test", "not sent: the database or templates are not usable",
                        fix: "fix the lines above"))
            }
        }
        print(json ? try Self.json(report) : report.checks.map(\.line).joined(separator: "\n"))
        if !report.ok { throw ExitCode(1) }
    }

    static func server(_ text: String) -> (host: String, port: Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]), (1...65_535).contains(port),
            parts[0].split(separator: ".").count == 4,
            parts[0].split(separator: ".").allSatisfy({ UInt8($0) != nil })
        else { return nil }
        return (String(parts[0]), port)
    }

    private static func json(_ report: DoctorReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
