import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The promises every store backend keeps about `DigestQueueOperations`.
@Suite("Store contract: DigestQueueOperations")
struct DigestQueueOperationsContractTests {
    @Test(arguments: StoreBackend.all)
    func queuedItemsAreUniqueAndDisappearOnceSent(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let article = DigestArticle(
            identity: "https://example.org/a", linkIdentity: "example.org/a", title: "A <b>",
            link: "https://example.org/a",
            summaryHTML: "<p>x</p>", summaryText: "x", author: nil, published: Fixtures.now, imageURL: nil)
        let item = try await store.transaction { tx in
            try await tx.queueDigestItem(newsletter: "daily", article: article, queuedBy: "ops", at: Fixtures.now)
        }
        await #expect(throws: StoreError.self) {
            _ = try await store.transaction { tx in
                try await tx.queueDigestItem(newsletter: "daily", article: article, queuedBy: "ops", at: Fixtures.now)
            }
        }
        await #expect(throws: StoreError.self) {
            _ = try await store.transaction { tx in
                try await tx.queueDigestItem(newsletter: "missing", article: article, queuedBy: "ops", at: Fixtures.now)
            }
        }
        let pending = try await store.transaction { try await $0.pendingDigestItems(newsletter: "daily", limit: 10) }
        #expect(pending == [item])
        #expect(pending.first?.article == article)
        let issue = try await store.transaction { tx in
            try await tx.createDigestIssue(
                newsletter: "daily", period: "2026-11-25", edition: .single("en"), articles: [article], at: Fixtures.now
            )
        }
        let after = try await store.transaction { try await $0.pendingDigestItems(newsletter: "daily", limit: 10) }
        #expect(after.isEmpty)
        let summaries = try await store.transaction { tx in
            try await tx.digestIssueSummaries(newsletter: "daily", beforeID: nil, limit: 10)
        }
        #expect(
            summaries == [
                DigestIssueSummary(
                    id: issue.id, newsletter: "daily", period: "2026-11-25", language: issue.language, articleCount: 1,
                    createdAt: Fixtures.now, completedAt: nil)
            ])
        let none = try await store.transaction { tx in
            try await tx.digestIssueSummaries(newsletter: "daily", beforeID: issue.id, limit: 10)
        }
        #expect(none.isEmpty)
    }
}

extension DigestQueueOperationsContractTests {
    @Test(arguments: StoreBackend.all)
    func anUnqueuedItemLeavesTheQueueOnlyForItsNewsletter(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let article = DigestArticle(
            identity: "https://example.org/b", linkIdentity: "example.org/b", title: "B", link: "https://example.org/b",
            summaryHTML: "", summaryText: "", author: nil, published: nil, imageURL: nil)
        let item = try await store.transaction { tx in
            try await tx.queueDigestItem(newsletter: "daily", article: article, queuedBy: "ops", at: Fixtures.now)
        }
        let results = try await store.transaction { tx in
            [
                try await tx.unqueueDigestItem(id: item.id, newsletter: "news"),
                try await tx.unqueueDigestItem(id: item.id + 1000, newsletter: "daily"),
                try await tx.unqueueDigestItem(id: item.id, newsletter: "daily"),
                try await tx.unqueueDigestItem(id: item.id, newsletter: "daily"),
            ]
        }
        #expect(results == [false, false, true, false])
        let pending = try await store.transaction { try await $0.pendingDigestItems(newsletter: "daily", limit: 10) }
        #expect(pending.isEmpty)
        let again = try await store.transaction { tx in
            try await tx.queueDigestItem(newsletter: "daily", article: article, queuedBy: "ops", at: Fixtures.now)
        }
        #expect(again.article == article, "an unqueued article can be queued again")
    }
}
