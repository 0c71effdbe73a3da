import Foundation
import HeraldCore
import HeraldTestSupport
import Logging
import Testing

/// Several digest runs on one issue share its deliveries, and take over a dead run's rows.
@Suite("Digest runs sharing an issue")
struct DigestSharingTests {
    /// One article, always.
    struct OneArticle: DigestSource {
        func articles(for newsletter: Newsletter, language: String) async throws -> [DigestArticle] {
            [
                DigestArticle(
                    identity: "a", linkIdentity: nil, title: "A", link: nil, summaryHTML: "<p>a</p>", summaryText: "a",
                    author: nil, published: nil, imageURL: nil)
            ]
        }
    }

    /// A plain message per subscriber.
    struct PlainDigest: DigestComposer, PreparedDigest {
        func prepare(_ issue: DigestIssue, newsletter: Newsletter) throws -> any PreparedDigest { self }
        func mail(for subscriber: Subscriber, manageToken: String) throws -> OutgoingMail {
            Fixtures.mail(to: subscriber.smtpAddress, body: "digest")
        }
    }

    /// Accepts every message after `delay`, remembering each recipient.
    final class SlowTransport: MailTransport, @unchecked Sendable {
        let delay: Duration
        private let lock = NSLock()
        private var accepted: [String] = []

        init(delay: Duration) { self.delay = delay }

        func send(_ mail: OutgoingMail) async throws(MailDeliveryError) -> MailReceipt {
            try? await Task.sleep(for: delay)
            lock.withLock { accepted += mail.recipients }
            return MailReceipt(replyCode: 250, replyText: "ok")
        }

        var recipients: [String] { lock.withLock { accepted } }
    }

    static func store(_ backend: StoreBackend, subscribers: Int) async throws -> any SubscriberStore {
        let store = try await backend.make()
        try await store.transaction { tx in
            for newsletter in Fixtures.newsletters { try await tx.upsertNewsletter(newsletter) }
            for index in 0..<subscribers {
                let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("r\(index)@example.org"))
                try await tx.saveSubscription(
                    Subscription(
                        subscriberID: subscriber.id, newsletter: "daily", status: .confirmed, createdAt: Fixtures.now,
                        updatedAt: Fixtures.now))
            }
        }
        return store
    }

    static func sender(_ store: any SubscriberStore, _ transport: SlowTransport) -> DigestSender {
        var logger = Logger(label: "herald.tests.digest")
        logger.logLevel = .error
        return DigestSender(
            store: store, source: OneArticle(), composer: PlainDigest(), transport: transport,
            signer: ManageLinkSigner(secret: "digest-sharing-test-secret-0123456789"), logger: logger)
    }

    static let daily = Fixtures.newsletters[1]

    @Test(arguments: StoreBackend.all)
    func threeRunsStartedTogetherSplitTheIssueAndSendEachOnce(_ backend: StoreBackend) async throws {
        let store = try await Self.store(backend, subscribers: 300)
        let transport = SlowTransport(delay: .milliseconds(2))
        let options = DigestSendOptions(period: "p", batchSize: 10)
        let summaries = try await withThrowingTaskGroup(of: DigestRunSummary.self) { group in
            for _ in 0..<3 {
                group.addTask { try await Self.sender(store, transport).send(Self.daily, options: options) }
            }
            return try await group.reduce(into: [DigestRunSummary]()) { $0.append($1) }
        }
        #expect(summaries.map(\.outcome) == [.completed, .completed, .completed])
        #expect(summaries.map(\.sent).reduce(0, +) == 300)
        #expect(summaries.filter { $0.sent > 0 }.count >= 2)  // the work was shared
        #expect(transport.recipients.count == 300)
        #expect(Set(transport.recipients).count == 300)
        let issue = try await store.transaction {
            try await $0.digestIssue(newsletter: "daily", period: "p", language: "en")
        }
        #expect(issue?.completedAt != nil)
    }

    @Test(arguments: StoreBackend.all)
    func aDeadRunsRowsAreSentByTheNextRunOnceItsClaimsExpire(_ backend: StoreBackend) async throws {
        let store = try await Self.store(backend, subscribers: 40)
        let transport = SlowTransport(delay: .zero)
        let sender = Self.sender(store, transport)
        // A run that claimed 15 rows, started sending two of them, and died.
        let issue = try await store.transaction {
            try await $0.createDigestIssue(
                newsletter: "daily", period: "p", edition: .single("en"), articles: [], at: Date())
        }
        let claimedAt = Date()
        try await store.transaction { tx in
            let claimed = try await tx.claimDigestDeliveries(
                issueID: issue.id, owner: "dead", now: claimedAt, limit: 15,
                leaseUntil: claimedAt.addingTimeInterval(1))
            for recipient in claimed.prefix(2) {
                _ = try await tx.startDigestDelivery(
                    issueID: issue.id, subscriberID: recipient.subscriber.id, owner: "dead", at: Date())
            }
        }
        // The run's own lease is long enough that a stalled machine (a CI run under load) does not let
        // it lapse before a row's turn: a row claimed again after that no longer shows it was left
        // `sending`, and `resumed` would miss it (the message is still sent once).
        let summary = try await sender.send(Self.daily, options: DigestSendOptions(period: "p", lease: .seconds(10)))
        // It waited for the dead run's claims to expire (the store's clock, not a speed measurement:
        // the rows could not be taken over before `claimedAt` plus the lease).
        #expect(Date().timeIntervalSince(claimedAt) >= 0.999)
        #expect(summary.outcome == .completed)
        #expect(summary.sent == 40)
        #expect(summary.resumed == 2)
        #expect(Set(transport.recipients).count == 40 && transport.recipients.count == 40)
    }
}
