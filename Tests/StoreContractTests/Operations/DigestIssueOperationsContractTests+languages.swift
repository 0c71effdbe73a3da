import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// One issue per (newsletter, period, language): each language's issue is created once, remembers
/// its own articles, takes its own readers and has its own archive.
@Suite("Store contract: digest issues per language")
struct DigestEditionContractTests {
    static let ukrainian = DigestEdition(language: "uk", fallback: "uk", offered: ["uk", "en"])
    static let english = DigestEdition(language: "en", fallback: "uk", offered: ["uk", "en"])
    static let article = DigestIssueOperationsContractTests.article("a", link: "https://n.example/a")

    @Test(arguments: StoreBackend.all)
    func eachLanguageHasItsOwnIssueForAPeriod(_ backend: StoreBackend) async throws {
        let store = try await DigestIssueOperationsContractTests.populated(backend, confirmed: 3)
        let (uk, en) = try await store.transaction { tx in
            (
                try await tx.createDigestIssue(
                    newsletter: "daily", period: "p", edition: Self.ukrainian, articles: [Self.article],
                    at: Fixtures.now),
                try await tx.createDigestIssue(
                    newsletter: "daily", period: "p", edition: Self.english, articles: [Self.article],
                    at: Fixtures.now)
            )
        }
        await #expect(throws: StoreError.self) {
            _ = try await store.transaction {
                try await $0.createDigestIssue(
                    newsletter: "daily", period: "p", edition: Self.english, articles: [], at: Fixtures.now)
            }
        }
        let (loadedUK, loadedEN, missing, open) = try await store.transaction { tx in
            (
                try await tx.digestIssue(newsletter: "daily", period: "p", language: "uk"),
                try await tx.digestIssue(newsletter: "daily", period: "p", language: "en"),
                try await tx.digestIssue(newsletter: "daily", period: "p", language: "de"),
                try await tx.incompleteDigestIssues(newsletter: "daily")
            )
        }
        #expect(uk.id != en.id)
        #expect(loadedUK?.id == uk.id && loadedUK?.language == "uk")
        #expect(loadedEN?.id == en.id && loadedEN?.language == "en")
        #expect(missing == nil)
        #expect(open.map(\.language) == ["uk", "en"])
        let listed = try await store.transaction {
            try await $0.digestIssueSummaries(newsletter: "daily", beforeID: nil, limit: 10)
        }
        #expect(listed.map { "\($0.period) \($0.language)" } == ["p en", "p uk"])
    }

    @Test(arguments: StoreBackend.all)
    func eachLanguageRemembersItsOwnArticles(_ backend: StoreBackend) async throws {
        let store = try await DigestIssueOperationsContractTests.populated(backend, confirmed: 1)
        let (seenUK, seenEN) = try await store.transaction { tx in
            _ = try await tx.createDigestIssue(
                newsletter: "daily", period: "p", edition: Self.ukrainian, articles: [Self.article], at: Fixtures.now)
            return (
                try await tx.seenArticleKeys(
                    newsletter: "daily", language: "uk", identities: ["a"], links: ["https://n.example/a"]),
                try await tx.seenArticleKeys(
                    newsletter: "daily", language: "en", identities: ["a"], links: ["https://n.example/a"])
            )
        }
        #expect(seenUK == ["a", "https://n.example/a"])
        #expect(seenEN.isEmpty)
    }

    /// Readers of an offered language read its issue; those without a language, or with one the
    /// newsletter does not offer, read the newsletter's own language; nobody is in two issues.
    @Test(arguments: StoreBackend.all)
    func eachReaderIsInTheIssueOfTheirLanguage(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let languages: [String?] = ["uk", "en", "en", nil, "de", "uk"]
        let (ids, uk, en) = try await store.transaction { tx in
            for newsletter in Fixtures.newsletters { try await tx.upsertNewsletter(newsletter) }
            var ids: [Int64] = []
            for (index, language) in languages.enumerated() {
                var new = Fixtures.newSubscriber("l\(index)@example.org")
                new.language = language
                let subscriber = try await tx.insertSubscriber(new)
                ids.append(subscriber.id)
                try await tx.saveSubscription(
                    Subscription(
                        subscriberID: subscriber.id, newsletter: "daily", status: .confirmed,
                        createdAt: Fixtures.now, updatedAt: Fixtures.now))
            }
            let uk = try await tx.createDigestIssue(
                newsletter: "daily", period: "p", edition: Self.ukrainian, articles: [], at: Fixtures.now)
            let en = try await tx.createDigestIssue(
                newsletter: "daily", period: "p", edition: Self.english, articles: [], at: Fixtures.now)
            return (
                ids,
                try await DigestIssueOperationsContractTests.claim(tx, uk, "run").map(\.subscriber.id),
                try await DigestIssueOperationsContractTests.claim(tx, en, "run").map(\.subscriber.id)
            )
        }
        #expect(Set(uk) == [ids[0], ids[3], ids[4], ids[5]])
        #expect(Set(en) == [ids[1], ids[2]])
    }

    @Test(arguments: StoreBackend.all)
    func theArchiveListsOneLanguagesIssues(_ backend: StoreBackend) async throws {
        let store = try await DigestIssueOperationsContractTests.populated(backend, confirmed: 0)
        let (uk, en, countUK, countEN, one, other) = try await store.transaction { tx in
            for (period, edition) in [("p1", Self.ukrainian), ("p1", Self.english), ("p2", Self.ukrainian)] {
                let issue = try await tx.createDigestIssue(
                    newsletter: "daily", period: period, edition: edition, articles: [], at: Fixtures.now)
                try await tx.completeDigestIssue(issueID: issue.id, at: Fixtures.now)
            }
            return (
                try await tx.archivedIssues(newsletter: "daily", language: "uk", offset: 0, limit: 10),
                try await tx.archivedIssues(newsletter: "daily", language: "en", offset: 0, limit: 10),
                try await tx.archivedIssueCount(newsletter: "daily", language: "uk"),
                try await tx.archivedIssueCount(newsletter: "daily", language: "en"),
                try await tx.archivedIssue(newsletter: "daily", language: "en", period: "p1"),
                try await tx.archivedIssue(newsletter: "daily", language: "en", period: "p2")
            )
        }
        #expect(uk.map(\.period) == ["p2", "p1"] && uk.allSatisfy { $0.language == "uk" })
        #expect(en.map(\.period) == ["p1"] && en.allSatisfy { $0.language == "en" })
        #expect(countUK == 2 && countEN == 1)
        #expect(one?.language == "en")
        #expect(other == nil)
    }
}
