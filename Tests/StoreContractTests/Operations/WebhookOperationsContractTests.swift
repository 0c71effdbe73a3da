import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The webhook outbox: one row per (event, endpoint), claimed by one owner at a time.
@Suite("Store contract: WebhookOperations")
struct WebhookOperationsContractTests {
    private func draft(_ event: String, _ url: String = "https://hooks.example/a") -> WebhookDraft {
        WebhookDraft(
            eventID: event, eventType: .confirmed, endpointURL: url, subscriberID: 7,
            body: #"{"id":"\#(event)","data":{"email":"é@example.org"}}"#, createdAt: Fixtures.now)
    }

    /// A fresh store holding the delivery of event "e1", claimed by owner "A" until `lease`.
    private func claimedWebhook(on backend: StoreBackend) async throws
        -> (store: any SubscriberStore, id: Int64, lease: Date)
    {
        let store = try await backend.make()
        let id = try await store.transaction { try await $0.enqueueWebhook(draft("e1")) }
        let lease = Fixtures.now.addingTimeInterval(60)
        _ = try await store.transaction {
            try await $0.claimDueWebhooks(owner: "A", now: Fixtures.now, limit: 1, leaseUntil: lease)
        }
        return (store, id, lease)
    }

    @Test(arguments: StoreBackend.all)
    func sameEventAndEndpointCannotBeQueuedTwice(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await store.transaction { tx in
            _ = try await tx.enqueueWebhook(draft("e1"))
            _ = try await tx.enqueueWebhook(draft("e1", "https://hooks.example/b"))
        }
        await #expect(throws: StoreError.self) {
            try await store.transaction { tx in _ = try await tx.enqueueWebhook(draft("e1")) }
        }
        let rows = try await store.transaction { try await $0.webhookDeliveries(eventID: "e1") }
        #expect(rows.map(\.draft.endpointURL) == ["https://hooks.example/a", "https://hooks.example/b"])
        #expect(rows.first?.draft == draft("e1"))
        #expect(rows.first?.state == .pending)
    }

    @Test(arguments: StoreBackend.all)
    func aClaimHoldsUntilItsLeaseExpires(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await store.transaction { tx in for e in ["e1", "e2", "e3"] { _ = try await tx.enqueueWebhook(draft(e)) } }
        let lease = Fixtures.now.addingTimeInterval(60)
        let first = try await store.transaction {
            try await $0.claimDueWebhooks(owner: "A", now: Fixtures.now, limit: 2, leaseUntil: lease)
        }
        let second = try await store.transaction {
            try await $0.claimDueWebhooks(owner: "B", now: Fixtures.now, limit: 10, leaseUntil: lease)
        }
        let afterLease = try await store.transaction {
            try await $0.claimDueWebhooks(
                owner: "C", now: lease.addingTimeInterval(1), limit: 10, leaseUntil: lease + 120)
        }
        #expect(first.map(\.draft.eventID) == ["e1", "e2"])
        #expect(first.allSatisfy { $0.state == .sending && $0.claimedBy == "A" })
        #expect(second.map(\.draft.eventID) == ["e3"])
        #expect(afterLease.count == 3)
    }

    @Test(arguments: StoreBackend.all)
    func concurrentClaimsNeverShareARow(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await store.transaction { tx in for e in 0..<40 { _ = try await tx.enqueueWebhook(draft("e\(e)")) } }
        let lease = Fixtures.now.addingTimeInterval(60)
        let claims = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for owner in ["A", "B", "C", "D"] {
                group.addTask {
                    try await store.transaction {
                        try await $0.claimDueWebhooks(owner: owner, now: Fixtures.now, limit: 15, leaseUntil: lease)
                    }.map(\.id)
                }
            }
            return try await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        #expect(claims.count == 40)
        #expect(Set(claims).count == 40)
    }

    @Test(arguments: StoreBackend.all)
    func anOwnerWhoseClaimWasTakenOverCannotRecordAnOutcome(_ backend: StoreBackend) async throws {
        let (store, id, lease) = try await claimedWebhook(on: backend)
        _ = try await store.transaction {
            try await $0.claimDueWebhooks(
                owner: "B", now: lease.addingTimeInterval(1), limit: 1, leaseUntil: lease + 120)
        }
        let (late, current, again) = try await store.transaction { tx in
            (
                try await tx.markWebhookDelivered(id: id, owner: "A", attempts: 1, at: lease, result: "HTTP 200"),
                try await tx.markWebhookDelivered(id: id, owner: "B", attempts: 2, at: lease, result: "HTTP 204"),
                try await tx.markWebhookRetry(id: id, owner: "B", attempts: 3, nextAttemptAt: lease, result: "late")
            )
        }
        #expect(!late)
        #expect(current)
        #expect(!again)
        let row = try await store.transaction { try await $0.webhookDelivery(id: id) }
        #expect(row?.state == .delivered)
        #expect(row?.attempts == 2)
        #expect(row?.lastResult == "HTTP 204")
        #expect(row?.deliveredAt == lease)
        let claimable = try await store.transaction {
            try await $0.claimDueWebhooks(owner: "C", now: lease + 9999, limit: 10, leaseUntil: lease + 99999)
        }
        #expect(claimable.isEmpty)
    }

    @Test(arguments: StoreBackend.all)
    func retryWaitsAndFailureIsFinal(_ backend: StoreBackend) async throws {
        let (store, id, lease) = try await claimedWebhook(on: backend)
        let later = Fixtures.now.addingTimeInterval(30)
        #expect(
            try await store.transaction {
                try await $0.markWebhookRetry(id: id, owner: "A", attempts: 1, nextAttemptAt: later, result: "HTTP 500")
            })
        let early = try await store.transaction {
            try await $0.claimDueWebhooks(owner: "A", now: later - 1, limit: 1, leaseUntil: lease)
        }
        let due = try await store.transaction {
            try await $0.claimDueWebhooks(owner: "B", now: later, limit: 1, leaseUntil: lease)
        }
        #expect(early.isEmpty)
        #expect(due.first?.attempts == 1)
        #expect(
            try await store.transaction {
                try await $0.markWebhookFailed(id: id, owner: "B", attempts: 2, result: "gone")
            })
        let summary = try await store.transaction { try await $0.webhookSummary() }
        #expect(summary == [.failed: 1])
    }
}
