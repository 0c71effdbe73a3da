import ArgumentParser
import Foundation
import HeraldCore

/// `herald check-email`: validates addresses the way every input path does.
struct CheckEmail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-email",
        abstract: "Check email addresses; prints one line per input.",
        discussion: """
            Prints `valid <normalized>` or `invalid <code>: <message>`, plus ` (did you mean <suggestion>?)`. \
            Pass `-` to read one address per line from standard input. Exit status: 0 all valid, 1 any \
            invalid, 2 usage error.
            """)

    @Flag(help: "Print one JSON object per line instead of text.")
    var json = false

    @Flag(help: .private)
    var measure = false

    @Option(help: "File of disposable domains to refuse, one per line.")
    var disposableDomains: String?

    @Argument(help: "Addresses to check, or - for standard input.")
    var addresses: [String]

    func validate() throws {
        guard !addresses.isEmpty else { throw ValidationError("give at least one address, or - for standard input") }
    }

    func run() throws {
        var policy = EmailValidationPolicy.default
        if let disposableDomains {
            do {
                policy.blockedDomains = try DisposableDomainList(contentsOfFile: disposableDomains)
            } catch {
                throw ValidationError("cannot read --disposable-domains \(disposableDomains): \(error)")
            }
        }
        if measure {
            let counts = EmailCheckTiming.run(addresses, policy: policy)
            if counts.valid < counts.checked { throw ExitCode(1) }
            return
        }
        var report = EmailCheckReport(json: json, policy: policy)
        for address in addresses {
            if address == "-" {
                StandardInputLines.forEach { report.check(bytes: $0) }
            } else {
                report.check(address)
            }
        }
        report.flush()
        if report.anyInvalid { throw ExitCode(1) }
    }
}

/// Reads standard input in large chunks and hands out each line's bytes (without the newline).
enum StandardInputLines {
    static func forEach(_ body: (ArraySlice<UInt8>) -> Void) {
        var pending: [UInt8] = []
        while true {
            let chunk = FileHandle.standardInput.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                body(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(..<start)
        }
        if !pending.isEmpty { body(pending[...]) }
    }
}
