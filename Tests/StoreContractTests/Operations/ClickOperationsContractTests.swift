import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Click counters add up per (issue, link, hour); per-subscriber clicks are kept once and erased
/// with the subscriber; an issue's audience comes from deliveries, bounces and the consent log.
@Suite("Store contract: ClickOperations")
struct ClickOperationsContractTests {
    static func completedIssue(_ store: any SubscriberStore, _ period: String, at offset: TimeInterval) async throws
        -> DigestIssue
    {
        try await ArchiveOperationsContractTests.completedIssue(store, period, at: offset)
    }

    @Test(arguments: StoreBackend.all)
    func clickCountsAddUpPerIssueLinkAndHourAndUnknownIssuesAreDropped(_ backend: StoreBackend) async throws {
        let store = try await DigestIssueOperationsContractTests.populated(backend, confirmed: 1)
        let issue = try await Self.completedIssue(store, "p", at: 0)
        let hour = Date(timeIntervalSince1970: 1_800_000_000)
        try await store.transaction { tx in
            try await tx.addClickCounts([
                ClickCount(issueID: issue.id, linkIndex: 0, hour: hour, clicks: 2, filtered: 1),
                ClickCount(issueID: issue.id + 99, linkIndex: 0, hour: hour, clicks: 5, filtered: 0),
            ])
        }
        try await store.transaction { tx in
            try await tx.addClickCounts([
                ClickCount(issueID: issue.id, linkIndex: 0, hour: hour, clicks: 3, filtered: 0),
                ClickCount(
                    issueID: issue.id, linkIndex: 1, hour: hour.addingTimeInterval(3600), clicks: 1, filtered: 4),
            ])
        }
        let counts = try await store.transaction { try await $0.clickCounts(issueID: issue.id) }
        #expect(
            counts == [
                ClickCount(issueID: issue.id, linkIndex: 0, hour: hour, clicks: 5, filtered: 1),
                ClickCount(
                    issueID: issue.id, linkIndex: 1, hour: hour.addingTimeInterval(3600), clicks: 1, filtered: 4),
            ])
        #expect(try await store.transaction { try await $0.clickCounts(issueID: issue.id + 99) } == [])
    }

    @Test(arguments: StoreBackend.all)
    func subscriberClicksAreKeptOnceAndErasedWithTheSubscriber(_ backend: StoreBackend) async throws {
        let store = try await DigestIssueOperationsContractTests.populated(backend, confirmed: 2)
        let issue = try await Self.completedIssue(store, "p", at: 0)
        let (first, second) = try await store.transaction { tx in
            (
                try await tx.subscriber(canonicalKey: "s0@example.org")!.id,
                try await tx.subscriber(canonicalKey: "s1@example.org")!.id
            )
        }
        let click: @Sendable (Int64, Int) -> SubscriberClick = { id, link in
            SubscriberClick(issueID: issue.id, subscriberID: id, linkIndex: link, at: Fixtures.now)
        }
        try await store.transaction { tx in
            try await tx.recordSubscriberClicks([click(first, 0), click(first, 0), click(first, 1), click(second, 0)])
            try await tx.recordSubscriberClicks([click(first, 0), click(999_999, 0)])
        }
        #expect(try await store.transaction { try await $0.clickingSubscriberCount(issueID: issue.id) } == 2)
        _ = try await store.transaction { try await $0.eraseSubscriber(id: first) }
        #expect(try await store.transaction { try await $0.clickingSubscriberCount(issueID: issue.id) } == 1)
    }

    @Test(arguments: StoreBackend.all)
    func theAudienceCountsDeliveriesAndUnsubscribesInTheWindow(_ backend: StoreBackend) async throws {
        let store = try await DigestIssueOperationsContractTests.populated(backend, confirmed: 3)
        let issue = try await Self.completedIssue(store, "p", at: 0)
        try await store.transaction { tx in
            let id = try await tx.subscriber(canonicalKey: "s0@example.org")!.id
            // Outside, inside on the first (partial) day, a whole day, the last partial day, outside.
            let offsets: [TimeInterval] = [-10, 10, 172_800, 604_790, 604_800, 691_200]
            for offset in offsets {
                try await tx.appendConsent(
                    ConsentEvent(
                        subscriberID: id, newsletter: "daily", action: .unsubscribe,
                        occurredAt: Fixtures.now.addingTimeInterval(offset)))
            }
        }
        let audience = try await store.transaction {
            try await $0.issueAudience(issue, until: issue.createdAt.addingTimeInterval(7 * 86_400))
        }
        #expect(audience.deliveries == [.pending: 3])
        #expect(audience.unsubscribes == 3 && audience.bounced == 0)
        #expect(try await store.transaction { try await $0.digestIssue(id: issue.id) }?.period == "p")
    }
}
