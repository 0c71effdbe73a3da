import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Digest issues are created once, claimed safely and resumable after a crash.
@Suite("Store contract: DigestIssueOperations")
struct DigestIssueOperationsContractTests {
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
                    Subscription(
                        subscriberID: subscriber.id, newsletter: "daily", status: status,
                        createdAt: Fixtures.now, updatedAt: Fixtures.now))
            }
        }
        return store
    }

    @Test(arguments: StoreBackend.all)
    func anIssueIsCreatedOnceWithADeliveryPerConfirmedSubscriber(_ backend: StoreBackend) async throws {
        let store = try await Self.populated(backend, confirmed: 5)
        let issue = try await store.transaction {
            try await $0.createDigestIssue(
                newsletter: "daily", period: "2026-11-25", edition: .single("en"),
                articles: [Self.article("a", link: "https://n.example/a")], at: Fixtures.now)
        }
        await #expect(throws: StoreError.self) {
            _ = try await store.transaction {
                try await $0.createDigestIssue(
                    newsletter: "daily", period: "2026-11-25", edition: .single("en"), articles: [], at: Fixtures.now)
            }
        }
        let (progress, loaded, seen) = try await store.transaction { tx in
            (
                try await tx.digestProgress(issueID: issue.id, failureLimit: 10),
                try await tx.digestIssue(newsletter: "daily", period: "2026-11-25", language: "en"),
                try await tx.seenArticleKeys(
                    newsletter: "daily", language: "en", identities: ["a", "b"], links: ["https://n.example/a"])
            )
        }
        #expect(progress.counts == [.pending: 5])
        #expect(loaded?.articles == [Self.article("a", link: "https://n.example/a")])
        #expect(seen == ["a", "https://n.example/a"])
    }

    /// Claims for `owner` at `offset` seconds after `Fixtures.now`, under a lease of 15 s.
    static func claim(
        _ tx: any StoreTransaction, _ issue: DigestIssue, _ owner: String, at offset: TimeInterval = 0,
        limit: Int = 100
    ) async throws -> [DigestRecipient] {
        let time = Fixtures.now.addingTimeInterval(offset)
        return try await tx.claimDigestDeliveries(
            issueID: issue.id, owner: owner, now: time, limit: limit, leaseUntil: time.addingTimeInterval(15))
    }

    /// Records `state` for `subscriberID` as `owner`, at `time`; true when `owner` still held the row.
    static func settle(
        _ tx: any StoreTransaction, _ issue: DigestIssue, _ subscriberID: Int64, _ owner: String,
        _ state: DeliveryState, at time: Date = Fixtures.now
    ) async throws -> Bool {
        try await tx.settleDigestDelivery(
            issueID: issue.id, subscriberID: subscriberID, owner: owner,
            outcome: DigestDeliveryOutcome(state: state, attempts: 1, result: "\(state.rawValue) reply", at: time))
    }

    static func issue(_ store: any SubscriberStore) async throws -> DigestIssue {
        try await store.transaction {
            try await $0.createDigestIssue(
                newsletter: "daily", period: "p", edition: .single("en"), articles: [], at: Fixtures.now)
        }
    }

    @Test(arguments: StoreBackend.all)
    func twoRunsClaimingInTurnSplitTheRowsWithoutOverlap(_ backend: StoreBackend) async throws {
        let store = try await Self.populated(backend, confirmed: 10)
        let issue = try await Self.issue(store)
        let (a1, b1, a2, b2, a3) = try await store.transaction { tx in
            (
                try await Self.claim(tx, issue, "a", limit: 3),
                try await Self.claim(tx, issue, "b", limit: 3),
                try await Self.claim(tx, issue, "a", limit: 3),
                try await Self.claim(tx, issue, "b", limit: 3),
                try await Self.claim(tx, issue, "a", limit: 3)
            )
        }
        let ids = [a1, b1, a2, b2, a3].flatMap { $0.map(\.subscriber.id) }
        #expect([a1, b1, a2, b2, a3].map(\.count) == [3, 3, 3, 1, 0])
        #expect(Set(ids).count == 10)
        #expect(a1.map(\.subscriber.id) == a1.map(\.subscriber.id).sorted())
        #expect(a1.allSatisfy { $0.status == .confirmed && !$0.resumedAfterInterruption })
    }

    @Test(arguments: StoreBackend.all)
    func concurrentClaimsInSeparateTransactionsNeverShareARow(_ backend: StoreBackend) async throws {
        let store = try await Self.populated(backend, confirmed: 300)
        let issue = try await Self.issue(store)
        let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var mine: [Int64] = []
                    while true {
                        let batch = try await store.transaction {
                            try await Self.claim($0, issue, "w\(worker)", limit: 7)
                        }
                        if batch.isEmpty { return mine }
                        mine += batch.map(\.subscriber.id)
                    }
                }
            }
            return try await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        #expect(claimed.count == 300)
        #expect(Set(claimed).count == 300)
    }

    @Test(arguments: StoreBackend.all)
    func aLiveRunKeepsItsRowsAndADeadRunsRowsAreTakenOverAfterTheLease(_ backend: StoreBackend) async throws {
        let store = try await Self.populated(backend, confirmed: 10)
        let issue = try await Self.issue(store)
        let (a, started, early, renewedEarly, late) = try await store.transaction { tx in
            let a = try await Self.claim(tx, issue, "a", limit: 6)
            var started: [Bool] = []
            for recipient in a.prefix(2) {  // run "a" starts two SMTP transactions…
                started.append(
                    try await tx.startDigestDelivery(
                        issueID: issue.id, subscriberID: recipient.subscriber.id, owner: "a", at: Fixtures.now))
            }
            let early = try await Self.claim(tx, issue, "b", at: 10)
            let renewedA = try await tx.renewLeases(
                .digest, ids: a.map(\.id), owner: "a", until: Fixtures.now.addingTimeInterval(25))
            _ = try await tx.renewLeases(
                .digest, ids: early.map(\.id), owner: "b", until: Fixtures.now.addingTimeInterval(35))
            #expect(renewedA == Set(a.map(\.id)))
            let renewedEarly = try await Self.claim(tx, issue, "c", at: 20)
            // …then dies: nobody renews its claims for a whole lease.
            let late = try await Self.claim(tx, issue, "c", at: 26)
            return (a, started, early, renewedEarly, late)
        }
        #expect(started == [true, true])
        #expect(early.count == 4)  // only the unclaimed rows
        #expect(renewedEarly.isEmpty)  // renewed 10 s ago: still a live claim
        #expect(Set(late.map(\.subscriber.id)) == Set(a.map(\.subscriber.id)))
        #expect(late.filter(\.resumedAfterInterruption).map(\.subscriber.id) == a.prefix(2).map(\.subscriber.id))
    }

    @Test(arguments: StoreBackend.all)
    func onlyTheRunHoldingARowMayStartSendingIt(_ backend: StoreBackend) async throws {
        let store = try await Self.populated(backend, confirmed: 1)
        let issue = try await Self.issue(store)
        let (byOldOwner, byNewOwner, twice, progress) = try await store.transaction { tx in
            let id = try #require(try await Self.claim(tx, issue, "a").first)
                .subscriber.id
            _ = try await Self.claim(tx, issue, "b", at: 16)  // "a" stalled
            return (
                try await tx.startDigestDelivery(issueID: issue.id, subscriberID: id, owner: "a", at: Fixtures.now),
                try await tx.startDigestDelivery(issueID: issue.id, subscriberID: id, owner: "b", at: Fixtures.now),
                try await tx.startDigestDelivery(issueID: issue.id, subscriberID: id, owner: "b", at: Fixtures.now),
                try await tx.digestProgress(issueID: issue.id, failureLimit: 0)
            )
        }
        #expect(!byOldOwner)
        #expect(byNewOwner)
        #expect(!twice)
        #expect(progress.counts == [.sending: 1])
    }

    @Test(arguments: StoreBackend.all)
    func recordedOutcomesAreCountedAndADeferredRowIsRetriedByAnotherRunOnceDue(_ backend: StoreBackend)
        async throws
    {
        let store = try await Self.populated(backend, confirmed: 3)
        let issue = try await Self.issue(store)
        let dueAt = Fixtures.now.addingTimeInterval(30)
        let (settled, sameRun, early, otherRun, progress) = try await store.transaction { tx in
            let claimed = try await Self.claim(tx, issue, "run1")
            var settled: [Bool] = []
            for (recipient, state) in zip(claimed, [DeliveryState.sent, .failed, .deferred]) {
                settled.append(try await Self.settle(tx, issue, recipient.id, "run1", state, at: dueAt))
            }
            return (
                settled,
                try await Self.claim(tx, issue, "run1", at: 60),
                try await Self.claim(tx, issue, "run2", at: 29),
                try await Self.claim(tx, issue, "run2", at: 30),
                try await tx.digestProgress(issueID: issue.id, failureLimit: 10)
            )
        }
        #expect(settled == [true, true, true])
        #expect(sameRun.isEmpty)  // the run that deferred a row does not retry it: no ping-pong
        #expect(early.isEmpty)  // not due yet
        #expect(otherRun.count == 1)
        #expect(otherRun.first?.attempts == 1)
        #expect(otherRun.first?.resumedAfterInterruption == false)
        #expect(progress.counts == [.sent: 1, .failed: 1, .claimed: 1])
        #expect(progress.failures.map(\.result) == ["failed reply"])
    }

    @Test(arguments: StoreBackend.all)
    func completedIssuesAreNotIncomplete(_ backend: StoreBackend) async throws {
        let store = try await Self.populated(backend, confirmed: 1)
        let (before, after) = try await store.transaction { tx in
            let issue = try await tx.createDigestIssue(
                newsletter: "daily", period: "p", edition: .single("en"), articles: [], at: Fixtures.now)
            let before = try await tx.incompleteDigestIssues(newsletter: "daily").map(\.id)
            try await tx.completeDigestIssue(issueID: issue.id, at: Fixtures.now)
            try await tx.completeDigestIssue(issueID: issue.id, at: Fixtures.now.addingTimeInterval(60))
            return (before, try await tx.incompleteDigestIssues(newsletter: "daily"))
        }
        let completed = try await store.transaction {
            try await $0.digestIssue(newsletter: "daily", period: "p", language: "en")
        }
        #expect(before.count == 1)
        #expect(after.isEmpty)
        #expect(completed?.completedAt == Fixtures.now)  // the second run to finish keeps the first time
    }
}

extension DigestIssueOperationsContractTests {
    @Test(arguments: StoreBackend.all)
    func reopeningPutsOnlyFailedAndDeferredDeliveriesBackAndTheIssueToIncomplete(_ backend: StoreBackend)
        async throws
    {
        let store = try await Self.populated(backend, confirmed: 5)
        let issue = try await store.transaction { tx in
            try await tx.createDigestIssue(
                newsletter: "daily", period: "2026-12-01", edition: .single("en"), articles: [], at: Fixtures.now)
        }
        let states: [DeliveryState] = [.sent, .failed, .deferred, .sending, .pending]
        try await store.transaction { tx in
            let claimed = try await Self.claim(tx, issue, "run", at: 0)
            for (index, recipient) in claimed.sorted(by: { $0.subscriber.id < $1.subscriber.id }).enumerated() {
                _ = try await tx.startDigestDelivery(
                    issueID: issue.id, subscriberID: recipient.subscriber.id, owner: "run", at: Fixtures.now)
                if states[index] != .sending {
                    #expect(try await Self.settle(tx, issue, recipient.id, "run", states[index]))
                }
            }
            try await tx.completeDigestIssue(issueID: issue.id, at: Fixtures.now)
        }
        let reopened = try await store.transaction {
            try await $0.reopenDigestDeliveries(issueID: issue.id, at: Fixtures.now.addingTimeInterval(60))
        }
        #expect(reopened == 2)
        let progress = try await store.transaction { try await $0.digestProgress(issueID: issue.id, failureLimit: 10) }
        #expect(progress.counts[.sent] == 1 && progress.counts[.sending] == 1)
        #expect(progress.counts[.failed] == nil || progress.counts[.failed] == 0)
        #expect((progress.counts[.pending] ?? 0) == 3)
        let incomplete = try await store.transaction { try await $0.incompleteDigestIssues(newsletter: "daily") }
        #expect(incomplete.map(\.id) == [issue.id])
        let again = try await store.transaction {
            try await $0.reopenDigestDeliveries(issueID: issue.id, at: Fixtures.now.addingTimeInterval(120))
        }
        #expect(again == 0)
    }
}
