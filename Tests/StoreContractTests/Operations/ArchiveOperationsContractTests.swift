import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The public archive lists completed issues only, newest first, in pages.
@Suite("Store contract: ArchiveOperations")
struct ArchiveOperationsContractTests {
    static func completedIssue(_ store: any SubscriberStore, _ period: String, at offset: TimeInterval) async throws
        -> DigestIssue
    {
        try await store.transaction { tx in
            let issue = try await tx.createDigestIssue(
                newsletter: "daily", period: period, edition: .single("en"),
                articles: [DigestIssueOperationsContractTests.article(period, link: "https://n.example/\(period)")],
                at: Fixtures.now.addingTimeInterval(offset))
            try await tx.completeDigestIssue(issueID: issue.id, at: Fixtures.now.addingTimeInterval(offset + 1))
            return issue
        }
    }

    @Test(arguments: StoreBackend.all)
    func theArchiveListsCompletedIssuesNewestFirstInPages(_ backend: StoreBackend) async throws {
        let store = try await DigestIssueOperationsContractTests.populated(backend, confirmed: 1)
        for day in 1...5 { _ = try await Self.completedIssue(store, "2026-11-0\(day)", at: Double(day) * 86_400) }
        _ = try await store.transaction {
            try await $0.createDigestIssue(
                newsletter: "daily", period: "open", edition: .single("en"), articles: [], at: Fixtures.now)
        }
        let (first, second, count, one, open, missing) = try await store.transaction { tx in
            (
                try await tx.archivedIssues(newsletter: "daily", language: "en", offset: 0, limit: 3),
                try await tx.archivedIssues(newsletter: "daily", language: "en", offset: 3, limit: 3),
                try await tx.archivedIssueCount(newsletter: "daily", language: "en"),
                try await tx.archivedIssue(newsletter: "daily", language: "en", period: "2026-11-02"),
                try await tx.archivedIssue(newsletter: "daily", language: "en", period: "open"),
                try await tx.archivedIssue(newsletter: "news", language: "en", period: "2026-11-02")
            )
        }
        #expect(first.map(\.period) == ["2026-11-05", "2026-11-04", "2026-11-03"])
        #expect(second.map(\.period) == ["2026-11-02", "2026-11-01"])
        #expect(count == 5)
        #expect(one?.articles.first?.link == "https://n.example/2026-11-02")
        #expect(open == nil && missing == nil)
    }
}
