import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Open counters add up per (issue, hour); counts for unknown issues are dropped; an issue's
/// counters go with the issue.
@Suite("Store contract: OpenOperations")
struct OpenOperationsContractTests {
    @Test(arguments: StoreBackend.all)
    func openCountsAddUpPerIssueAndHourAndUnknownIssuesAreDropped(_ backend: StoreBackend) async throws {
        let store = try await DigestIssueOperationsContractTests.populated(backend, confirmed: 1)
        let issue = try await ClickOperationsContractTests.completedIssue(store, "p", at: 0)
        let other = try await ClickOperationsContractTests.completedIssue(store, "q", at: 60)
        let hour = Date(timeIntervalSince1970: 1_800_000_000)
        try await store.transaction { tx in
            try await tx.addOpenCounts([
                OpenCount(issueID: issue.id, hour: hour, opens: 2, filtered: 1),
                OpenCount(issueID: other.id, hour: hour, opens: 7, filtered: 0),
                OpenCount(issueID: issue.id + other.id + 99, hour: hour, opens: 5, filtered: 0),
            ])
        }
        try await store.transaction { tx in
            try await tx.addOpenCounts([
                OpenCount(issueID: issue.id, hour: hour.addingTimeInterval(3600), opens: 0, filtered: 4),
                OpenCount(issueID: issue.id, hour: hour, opens: 3, filtered: 0),
            ])
        }
        let counts = try await store.transaction { try await $0.openCounts(issueID: issue.id) }
        #expect(
            counts == [
                OpenCount(issueID: issue.id, hour: hour, opens: 5, filtered: 1),
                OpenCount(issueID: issue.id, hour: hour.addingTimeInterval(3600), opens: 0, filtered: 4),
            ])
        #expect(
            try await store.transaction { try await $0.openCounts(issueID: other.id) } == [
                OpenCount(issueID: other.id, hour: hour, opens: 7, filtered: 0)
            ])
        #expect(try await store.transaction { try await $0.openCounts(issueID: issue.id + other.id + 99) } == [])
    }
}
