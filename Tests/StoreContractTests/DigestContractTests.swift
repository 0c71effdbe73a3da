import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Digest issues are created once, claimed safely and resumable after a crash.
@Suite("Store contract: digests")
struct DigestContractTests {
    static func article(_ id: String, link: String? = nil) -> DigestArticle {
        DigestArticle(
            identity: id, linkIdentity: link, title: "Title \(id)", link: link, summaryHTML: "<p>x</p>",
            summaryText: "x", author: nil, published: Fixtures.now, imageURL: nil)
    }

    /// A store with `confirmed` confirmed subscribers and one pending and one unsubscribed one.
    static func populated(_ backend: StoreBackend, confirmed: Int) async throws -> any SubscriberStore {
        let store = try await backend.make()
        try await store.transaction { tx in
            for newsletter in Fixtures.newsletters { try await tx.upsertNewsletter(newsletter) }
            for index in 0..<(confirmed + 2) {
                let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("s\(index)@example.org"))
                let status: SubscriptionStatus =
                    index < confirmed ? .confirmed : (index == confirmed ? .pending : .unsubscribed)
                try await tx.saveSubscription(
                    Subscription(subscriberID: subscriber.id, newsletter: "daily", status: status,
                        createdAt: Fixtures.now, updatedAt: Fixtures.now))
            }
        }
        return store
    }

    @Test(arguments: StoreBackend.all)
    func anIssueIsCreatedOnceWithADeliveryPerConfirmedSubscriber(_ backend: StoreBackend) async throws {
        let store = try await Self.populated(backend, confirmed: 5)
        let issue = try await store.transaction {
            try await $0.createDigestIssue(newsletter: "daily", period: "2026-11-25",
                articles: [Self.article("a", link: "https://n.example/a")], at: Fixtures.now)
        }
        await #expect(throws: StoreError.self) {
            _ = try await store.transaction {
                try await $0.createDigestIssue(newsletter: "daily", period: "2026-11-25", articles: [], at: Fixtures.now)
            }
        }
        let (progress, loaded, seen) = try await store.transaction { tx in
            (try await tx.digestProgress(issueID: issue.id, failureLimit: 10),
                try await tx.digestIssue(newsletter: "daily", period: "2026-11-25"),
                try await tx.seenArticleKeys(newsletter: "daily", identities: ["a", "b"], links: ["https://n.example/a"]))
        }
        #expect(progress.counts == [.pending: 5])
        #expect(loaded?.articles == [Self.article("a", link: "https://n.example/a")])
        #expect(seen == ["a", "https://n.example/a"])
    }

    @Test(arguments: StoreBackend.all)
    func leasesExcludeOtherRunsUntilTheyExpire(_ backend: StoreBackend) async throws {
        let store = try await Self.populated(backend, confirmed: 1)
        let later = Fixtures.now.addingTimeInterval(60)
        let (first, second, afterExpiry) = try await store.transaction { tx in
            let issue = try await tx.createDigestIssue(newsletter: "daily", period: "p", articles: [], at: Fixtures.now)
            return (try await tx.acquireDigestLease(issueID: issue.id, owner: "a", until: later, now: Fixtures.now),
                try await tx.acquireDigestLease(issueID: issue.id, owner: "b", until: later, now: Fixtures.now),
                try await tx.acquireDigestLease(issueID: issue.id, owner: "b", until: later, now: later.addingTimeInterval(1)))
        }
        #expect(first)
        #expect(!second)
        #expect(afterExpiry)
    }

    @Test(arguments: StoreBackend.all)
    func aRunDoesNotReclaimItsOwnRowsButTakesOverADeadRunsClaims(_ backend: StoreBackend) async throws {
        let store = try await Self.populated(backend, confirmed: 10)
        let issue = try await store.transaction {
            try await $0.createDigestIssue(newsletter: "daily", period: "p", articles: [], at: Fixtures.now)
        }
        let (a, aAgain, b, bAgain) = try await store.transaction { tx in
            let a = try await tx.claimDigestDeliveries(issueID: issue.id, owner: "a", limit: 6)
            let aAgain = try await tx.claimDigestDeliveries(issueID: issue.id, owner: "a", limit: 6)
            for recipient in a.prefix(2) {  // run "a" started these two SMTP transactions, then died
                try await tx.recordDigestDelivery(
                    issueID: issue.id, subscriberID: recipient.subscriber.id, state: .sending, result: nil,
                    at: Fixtures.now)
            }
            return (a, aAgain, try await tx.claimDigestDeliveries(issueID: issue.id, owner: "b", limit: 20),
                try await tx.claimDigestDeliveries(issueID: issue.id, owner: "b", limit: 20))
        }
        #expect(a.count == 6)
        #expect(aAgain.count == 4)
        #expect(Set(a.map(\.subscriber.id)).isDisjoint(with: aAgain.map(\.subscriber.id)))
        #expect(b.count == 10)  // run "a" died: everything it claimed is taken over
        #expect(b.filter(\.resumedAfterInterruption).map(\.subscriber.id) == a.prefix(2).map(\.subscriber.id))
        #expect(bAgain.isEmpty)
        #expect(a.allSatisfy { $0.status == .confirmed })
    }

    @Test(arguments: StoreBackend.all)
    func recordedOutcomesAreCountedAndDeferredRowsWaitForTheNextRun(_ backend: StoreBackend) async throws {
        let store = try await Self.populated(backend, confirmed: 3)
        let progress = try await store.transaction { tx in
            let issue = try await tx.createDigestIssue(newsletter: "daily", period: "p", articles: [], at: Fixtures.now)
            let claimed = try await tx.claimDigestDeliveries(issueID: issue.id, owner: "run1", limit: 10)
            let states: [DeliveryState] = [.sent, .failed, .deferred]
            for (recipient, state) in zip(claimed, states) {
                try await tx.recordDigestDelivery(
                    issueID: issue.id, subscriberID: recipient.subscriber.id, state: state, result: "\(state)",
                    at: Fixtures.now)
            }
            let sameRun = try await tx.claimDigestDeliveries(issueID: issue.id, owner: "run1", limit: 10)
            #expect(sameRun.isEmpty)
            let nextRun = try await tx.claimDigestDeliveries(issueID: issue.id, owner: "run2", limit: 10)
            #expect(nextRun.count == 1)
            #expect(nextRun.first?.resumedAfterInterruption == false)
            return try await tx.digestProgress(issueID: issue.id, failureLimit: 10)
        }
        #expect(progress.counts == [.sent: 1, .failed: 1, .claimed: 1])
        #expect(progress.failures.map(\.result) == ["failed"])
    }

    @Test(arguments: StoreBackend.all)
    func completedIssuesAreNotIncomplete(_ backend: StoreBackend) async throws {
        let store = try await Self.populated(backend, confirmed: 1)
        let (before, after) = try await store.transaction { tx in
            let issue = try await tx.createDigestIssue(newsletter: "daily", period: "p", articles: [], at: Fixtures.now)
            let before = try await tx.incompleteDigestIssues(newsletter: "daily").map(\.id)
            try await tx.completeDigestIssue(issueID: issue.id, at: Fixtures.now)
            return (before, try await tx.incompleteDigestIssues(newsletter: "daily"))
        }
        #expect(before.count == 1)
        #expect(after.isEmpty)
    }
}
