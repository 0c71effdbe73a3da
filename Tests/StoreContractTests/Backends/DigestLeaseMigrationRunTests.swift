import Foundation
import HeraldCore
import HeraldTestSupport
import Logging
import Testing

@testable import HeraldSQLite

/// After migration 20, the first run of the new version finishes the issue an older run left open,
/// at once (no lease to wait for: an upgrade is done with no digest run of the older version alive,
/// README "Upgrading"): the row left `sending` is the acceptance window, so it is sent again with
/// the resend warning and counted `resumed`; the claimed and deferred rows are sent without either.
@Suite("Migration 20: a new run finishes an older run's issue")
struct DigestLeaseMigrationRunTests {
    /// Accepts every message, remembering each recipient.
    final class Accepting: MailTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var accepted: [String] = []

        func send(_ mail: OutgoingMail) async throws(MailDeliveryError) -> MailReceipt {
            lock.withLock { accepted += mail.recipients }
            return MailReceipt(replyCode: 250, replyText: "ok")
        }

        var recipients: [String] { lock.withLock { accepted } }
    }

    /// Keeps the warnings logged.
    final class Warnings: LogHandler, @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [(message: String, count: String?)] = []
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .warning

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            lock.withLock { messages.append(("\(event.message)", event.metadata?["messages"].map { "\($0)" })) }
        }

        var logged: [(message: String, count: String?)] { lock.withLock { messages } }
    }

    struct NoNewArticles: DigestSource {
        func articles(for newsletter: Newsletter, language: String) async throws -> [DigestArticle] { [] }
    }

    struct PlainDigest: DigestComposer, PreparedDigest {
        func prepare(_ issue: DigestIssue, newsletter: Newsletter) throws -> any PreparedDigest { self }
        func mail(for subscriber: Subscriber, manageToken: String) throws -> OutgoingMail {
            Fixtures.mail(to: subscriber.smtpAddress, body: "digest")
        }
    }

    @Test func theRowLeftSendingIsResentWithTheWarningAndTheOthersWithout() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let old = try SQLiteStore(path: path)
        try await old.migrate(upTo: 19)
        let raw = try SQLiteConnection(path: path)
        for statement in DigestLeaseMigrationTests.legacyRows { try raw.execute(statement) }
        for id in 1...5 {
            try raw.execute(
                "INSERT INTO subscriptions (subscriber_id, newsletter, status, created_at, updated_at) "
                    + "VALUES (\(id), 'daily', 'confirmed', 0, 0)")
        }
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        let transport = Accepting()
        let warnings = Warnings()
        let sender = DigestSender(
            store: store, source: NoNewArticles(), composer: PlainDigest(), transport: transport,
            signer: ManageLinkSigner(secret: "digest-upgrade-test-secret-0123456789"),
            logger: Logger(label: "herald.tests.upgrade") { _ in warnings })
        let summary = try await sender.send(
            Newsletter(slug: "daily", title: "Daily"), options: DigestSendOptions(period: "2026-12-02"))
        #expect(summary.outcome == .completed)
        #expect(summary.sent == 4)
        #expect(summary.resumed == 1)
        #expect(transport.recipients.sorted() == ["a@example.org", "b@example.org", "c@example.org", "d@example.org"])
        let resend = warnings.logged.filter { $0.message.hasPrefix("resending messages whose outcome a dead run") }
        #expect(resend.map(\.count) == ["1"])
    }
}
