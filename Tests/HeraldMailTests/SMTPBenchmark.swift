import Foundation
import HeraldCore
import HeraldMail
import Testing

/// Throughput figures against a fast SMTP sink; run through `scripts/bench-smtp`, which starts
/// postfix's `smtp-sink` and sets the environment this test reads.
@Suite("SMTP benchmark")
struct SMTPBenchmark {
    @Test(.enabled(if: BenchmarkSettings.isEnabled, "set HERALD_BENCH_SMTP=1 (see scripts/bench-smtp)"))
    func benchSMTPThroughput() async throws {
        let settings = try BenchmarkSettings()
        var mails: [OutgoingMail] = []
        let assembly = try measure {
            mails = try (1...settings.count).map { try Self.newsletter(number: $0) }
        }
        let single = try await measure { try await Self.sendOneByOne(mails, with: settings.configuration) }
        let pooled = try await measure {
            try await Self.sendConcurrently(mails, with: settings.configuration, connections: settings.poolSize)
        }
        let averageSize = mails.map(\.data.count).reduce(0, +) / max(1, mails.count)
        print(
            """
            benchSMTPThroughput: \(settings.count) messages of \(averageSize) bytes to \(settings.url)
              MIME assembly           \(rate(settings.count, assembly))
              1 connection            \(rate(settings.count, single))
              pool of \(settings.poolSize) connections   \(rate(settings.count, pooled))
            """
        )
    }

    /// One article of a digest; 28 of them make a message of typical size (about 3 KB of text and
    /// 14 KB of HTML before encoding), mixed English and Ukrainian.
    private static let article = """
        <h2><a href="https://herald.example.org/posts/42?utm_source=digest">Харків: нова бібліотека відкриється в грудні</a></h2>
        <p>The city council approved the budget on Tuesday — “it is a long-awaited decision,” said the mayor.
        Міська рада схвалила бюджет у вівторок. Read more on our site.</p>

        """

    private static func newsletter(number: Int) throws -> OutgoingMail {
        let reader = Mailbox(displayName: "Reader \(number)", address: "reader\(number)@example.org")
        var message = Fixtures.message(to: [reader])
        message.html = "<html><body>\n" + String(repeating: article, count: 28) + "</body></html>\n"
        message.text = String(
            repeating: "Харків: нова бібліотека відкриється в грудні\nhttps://herald.example.org/posts/42\n\n",
            count: 28
        )
        return try MessageAssembler().assemble(message)
    }

    private static func sendOneByOne(_ mails: [OutgoingMail], with configuration: SMTPConfiguration) async throws {
        let connection = SMTPConnection(configuration: configuration)
        for mail in mails { _ = try await connection.send(mail) }
        await connection.close()
    }

    private static func sendConcurrently(
        _ mails: [OutgoingMail], with configuration: SMTPConfiguration, connections: Int
    ) async throws {
        let transport = SMTPTransport(configuration: configuration, connections: connections)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for mail in mails { group.addTask { _ = try await transport.send(mail) } }
            try await group.waitForAll()
        }
        await transport.closeIdleConnections()
    }

    private func measure(_ body: () throws -> Void) rethrows -> Duration {
        let start = ContinuousClock.now
        try body()
        return ContinuousClock.now - start
    }

    private func measure(_ body: () async throws -> Void) async rethrows -> Duration {
        let start = ContinuousClock.now
        try await body()
        return ContinuousClock.now - start
    }

    private func rate(_ count: Int, _ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%8.0f msg/s  (%.2f s)", Double(count) / seconds, seconds)
    }
}

/// What `scripts/bench-smtp` passes in through the environment.
private struct BenchmarkSettings {
    static var isEnabled: Bool { ProcessInfo.processInfo.environment["HERALD_BENCH_SMTP"] == "1" }

    var url: String
    var configuration: SMTPConfiguration
    var count: Int
    var poolSize: Int

    init() throws {
        let environment = ProcessInfo.processInfo.environment
        url = try #require(
            environment["HERALD_BENCH_SMTP_URL"], "set HERALD_BENCH_SMTP_URL, e.g. smtp://127.0.0.1:2525")
        configuration = try SMTPConfiguration(url: url)
        count = Int(environment["HERALD_BENCH_MESSAGES"] ?? "") ?? 2_000
        poolSize = Int(environment["HERALD_BENCH_POOL"] ?? "") ?? 4
    }
}
