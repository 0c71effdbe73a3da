import Foundation
import HeraldCore
import HeraldMail
import Testing

/// Throughput figures against a fast SMTP sink; run through `scripts/bench-smtp`, which starts
/// postfix's `smtp-sink` and sets the environment this test reads.
@Suite("SMTP benchmark")
struct SMTPBenchmark {
    private static var environment: [String: String] { ProcessInfo.processInfo.environment }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["HERALD_BENCH_SMTP"] == "1", "set HERALD_BENCH_SMTP=1 (see scripts/bench-smtp)"))
    func benchSMTPThroughput() async throws {
        let url = try #require(Self.environment["HERALD_BENCH_SMTP_URL"], "HERALD_BENCH_SMTP_URL, e.g. smtp://127.0.0.1:2525")
        let count = Int(Self.environment["HERALD_BENCH_MESSAGES"] ?? "") ?? 2_000
        let poolSize = Int(Self.environment["HERALD_BENCH_POOL"] ?? "") ?? 4
        let configuration = try SMTPConfiguration(url: url)

        let assemblyStart = ContinuousClock.now
        let mails = try (1...count).map { number in
            try MessageAssembler().assemble(
                Fixtures.message(to: [Mailbox(displayName: "Reader \(number)", address: "reader\(number)@example.org")])
            )
        }
        let assembly = ContinuousClock.now - assemblyStart
        let averageSize = mails.map(\.data.count).reduce(0, +) / mails.count

        let connection = SMTPConnection(configuration: configuration)
        let singleStart = ContinuousClock.now
        for mail in mails { _ = try await connection.send(mail) }
        let single = ContinuousClock.now - singleStart
        await connection.close()

        let transport = SMTPTransport(configuration: configuration, connections: poolSize)
        let poolStart = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for mail in mails { group.addTask { _ = try await transport.send(mail) } }
            try await group.waitForAll()
        }
        let pooled = ContinuousClock.now - poolStart
        await transport.closeIdleConnections()

        func rate(_ duration: Duration) -> String {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return String(format: "%8.0f msg/s  (%.2f s)", Double(count) / seconds, seconds)
        }
        print(
            """
            benchSMTPThroughput: \(count) messages of \(averageSize) bytes to \(configuration.endpoint) (libcurl)
              assembly (MIME)       \(rate(assembly))
              1 connection          \(rate(single))
              pool of \(poolSize) connections \(rate(pooled))
            """
        )
    }
}
