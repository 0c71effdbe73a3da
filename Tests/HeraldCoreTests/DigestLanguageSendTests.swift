import Foundation
import HeraldCore
import HeraldTestSupport
import Logging
import Testing

/// A newsletter in several languages sends one issue per language, each from its language's
/// articles, each subscriber exactly once; a second run sends nothing.
@Suite("Digest issues per language")
struct DigestLanguageSendTests {
    /// One article per language, named after it; remembers which languages were asked for.
    final class ArticlesPerLanguage: DigestSource, @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [String] = []

        func articles(for newsletter: Newsletter, language: String) async throws -> [DigestArticle] {
            lock.withLock { asked.append(language) }
            return [
                DigestArticle(
                    identity: "story", linkIdentity: nil, title: "Story in \(language)", link: nil, summaryHTML: "",
                    summaryText: "", author: nil, published: nil, imageURL: nil)
            ]
        }

        var languages: [String] { lock.withLock { asked } }
    }

    /// Each copy says the issue's language and first title.
    struct LanguageDigest: DigestComposer {
        struct Prepared: PreparedDigest {
            let body: String
            func mail(for subscriber: Subscriber, manageToken: String) throws -> OutgoingMail {
                Fixtures.mail(to: subscriber.smtpAddress, body: body)
            }
        }

        func prepare(_ issue: DigestIssue, newsletter: Newsletter) throws -> any PreparedDigest {
            Prepared(body: "\(issue.language): \(issue.articles.first?.title ?? "")")
        }
    }

    static var bilingual: Newsletter {
        var newsletter = DigestSharingTests.daily
        newsletter.language = "uk"
        newsletter.languages = ["uk", "en"]
        return newsletter
    }

    static func sender(_ store: any SubscriberStore, _ transport: RecordingTransport, _ source: any DigestSource)
        -> DigestSender
    {
        var logger = Logger(label: "herald.tests.digest-language")
        logger.logLevel = .error
        return DigestSender(
            store: store, source: source, composer: LanguageDigest(), transport: transport,
            signer: ManageLinkSigner(secret: "digest-language-test-secret-0123456789"), logger: logger)
    }

    @Test(arguments: StoreBackend.all)
    func everyLanguageHasItsIssueAndEachReaderOneCopy(_ backend: StoreBackend) async throws {
        let store = try await DigestSharingTests.store(backend, subscribers: 3)
        let transport = RecordingTransport()
        let source = ArticlesPerLanguage()
        let sender = Self.sender(store, transport, source)
        let options = DigestSendOptions(period: "p")
        let first = try await sender.sendEveryLanguage(Self.bilingual, options: options)
        #expect(first.map(\.language) == ["uk", "en"])
        #expect(first.map(\.outcome) == [.completed, .completed])
        #expect(first.map(\.sent) == [3, 0])
        #expect(source.languages == ["uk", "en"])
        let bodies = transport.messages.map { String(decoding: $0.data, as: UTF8.self) }
        #expect(bodies.count == 3 && bodies.allSatisfy { $0.contains("uk: Story in uk") })
        #expect(Set(transport.messages.flatMap(\.recipients)).count == 3)
        let second = try await sender.sendEveryLanguage(Self.bilingual, options: options)
        #expect(second.map(\.outcome) == [.alreadySent, .alreadySent])
        #expect(transport.messages.count == 3)
        let issues = try await store.transaction { tx in
            (
                try await tx.digestIssue(newsletter: "daily", period: "p", language: "uk"),
                try await tx.digestIssue(newsletter: "daily", period: "p", language: "en")
            )
        }
        #expect(issues.0?.articles.map(\.title) == ["Story in uk"])
        #expect(issues.1?.articles.map(\.title) == ["Story in en"])
    }

    @Test(arguments: StoreBackend.all)
    func aMixedListGetsEachReaderTheirLanguageOnce(_ backend: StoreBackend) async throws {
        let store = try await DigestSharingTests.store(backend, subscribers: 5)
        let languages: [String?] = ["en", nil, "uk", "en", "fr"]
        try await store.transaction { tx in
            for (index, language) in languages.enumerated() {
                let id = try #require(try await tx.subscriber(canonicalKey: "r\(index)@example.org")).id
                try await tx.updateSubscriberLanguage(id: id, language: language, at: Fixtures.now)
            }
        }
        let transport = RecordingTransport()
        let sender = Self.sender(store, transport, ArticlesPerLanguage())
        let first = try await sender.sendEveryLanguage(Self.bilingual, options: DigestSendOptions(period: "p"))
        #expect(first.map(\.sent) == [3, 2])
        var bodies: [String: String] = [:]
        for message in transport.messages {
            for recipient in message.recipients { bodies[recipient] = String(decoding: message.data, as: UTF8.self) }
        }
        #expect(transport.messages.count == 5 && bodies.count == 5)
        for (index, language) in languages.enumerated() {
            let expected = language == "en" ? "en: Story in en" : "uk: Story in uk"
            #expect(bodies["r\(index)@example.org"]?.contains(expected) == true, "r\(index)")
        }
        let second = try await sender.sendEveryLanguage(Self.bilingual, options: DigestSendOptions(period: "p"))
        #expect(second.map(\.outcome) == [.alreadySent, .alreadySent])
        #expect(transport.messages.count == 5)
    }

    @Test(arguments: StoreBackend.all)
    func aDryRunCountsEachLanguagesReadersAndSendsNothingEvenForAnUnfinishedIssue(_ backend: StoreBackend)
        async throws
    {
        let store = try await DigestSharingTests.store(backend, subscribers: 5)
        let languages: [String?] = ["en", nil, "uk", "en", "fr"]
        try await store.transaction { tx in
            for (index, language) in languages.enumerated() {
                let id = try #require(try await tx.subscriber(canonicalKey: "r\(index)@example.org")).id
                try await tx.updateSubscriberLanguage(id: id, language: language, at: Fixtures.now)
            }
        }
        let transport = RecordingTransport()
        let sender = Self.sender(store, transport, ArticlesPerLanguage())
        var options = DigestSendOptions(period: "p")
        options.dryRun = true
        let dry = try await sender.sendEveryLanguage(Self.bilingual, options: options)
        #expect(dry.map(\.outcome) == [.dryRun, .dryRun])
        #expect(dry.map(\.recipients) == [3, 2])
        #expect(dry.map(\.items) == [1, 1])
        #expect(dry.allSatisfy { $0.issueID == nil && $0.line.contains("; articles from ") })
        // An issue created and left unfinished (a killed run): the dry run reports it, sends nothing.
        let uk = try await store.transaction { tx in
            try await tx.createDigestIssue(
                newsletter: "daily", period: "p", edition: DigestEdition(of: Self.bilingual, language: "uk"),
                articles: [], at: Fixtures.now)
        }
        let again = try await sender.sendEveryLanguage(Self.bilingual, options: options)
        #expect(again.map(\.outcome) == [.dryRun, .dryRun])
        #expect(again.map(\.issueID) == [uk.id, nil])
        #expect(again.map(\.recipients) == [3, 2])
        #expect(again.first?.line.contains("articles from issue \(uk.id)") == true)
        #expect(transport.messages.isEmpty)
        let progress = try await store.transaction { try await $0.digestProgress(issueID: uk.id, failureLimit: 0) }
        #expect(progress.counts[.sent] ?? 0 == 0 && progress.total == 3)
    }

    @Test func oneLanguageAloneWhenAsked() async throws {
        let store = try await DigestSharingTests.store(.memory, subscribers: 2)
        let transport = RecordingTransport()
        let source = ArticlesPerLanguage()
        var options = DigestSendOptions(period: "p")
        options.language = "en"
        let summary = try await Self.sender(store, transport, source).send(Self.bilingual, options: options)
        #expect(summary.language == "en" && summary.outcome == .completed)
        #expect(source.languages == ["en"])
        let uk = try await store.transaction {
            try await $0.digestIssue(newsletter: "daily", period: "p", language: "uk")
        }
        #expect(uk == nil)
    }

    @Test func anEditionTakesItsReadersAndTheFallbackTakesTheRest() {
        let uk = DigestEdition(language: "uk", fallback: "uk", offered: ["uk", "en"])
        let en = DigestEdition(language: "en", fallback: "uk", offered: ["uk", "en"])
        for stored in [nil, "uk", "de"] as [String?] {
            #expect(uk.includes(subscriberLanguage: stored))
            #expect(!en.includes(subscriberLanguage: stored))
        }
        #expect(en.includes(subscriberLanguage: "en"))
        #expect(!uk.includes(subscriberLanguage: "en"))
    }
}
