import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The outbox keeps every queued mail until it is sent once or given up.
@Suite("Store contract: OutboxOperations")
struct OutboxOperationsContractTests {
    private func enqueue(_ store: any SubscriberStore, count: Int, key: String = "a@example.org") async throws {
        try await store.transaction { tx in
            for index in 0..<count {
                _ = try await tx.enqueueMail(
                    OutboxDraft(
                        kind: .confirmation, subscriberID: nil, throttleKey: key,
                        mail: Fixtures.mail(to: "r\(index)@example.org", body: "é \(index)"),
                        createdAt: Fixtures.now.addingTimeInterval(Double(index))))
            }
        }
    }

    @Test(arguments: StoreBackend.all)
    func claimedMailIsNotClaimedAgainUntilItsLeaseExpires(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await enqueue(store, count: 3)
        let now = Fixtures.now.addingTimeInterval(10)
        let lease = now.addingTimeInterval(60)
        let first = try await store.transaction {
            try await $0.claimDueMail(owner: "worker-a", now: now, limit: 2, leaseUntil: lease)
        }
        let second = try await store.transaction {
            try await $0.claimDueMail(owner: "worker-a", now: now, limit: 10, leaseUntil: lease)
        }
        let afterLease = try await store.transaction {
            try await $0.claimDueMail(
                owner: "worker-a", now: lease.addingTimeInterval(1), limit: 10, leaseUntil: lease.addingTimeInterval(60)
            )
        }
        #expect(first.count == 2)
        #expect(first.allSatisfy { $0.state == .sending })
        #expect(second.count == 1)
        #expect(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
        #expect(afterLease.count == 3)
        #expect(first.first?.mail == Fixtures.mail(to: "r0@example.org", body: "é 0"))
    }

    @Test(arguments: StoreBackend.all)
    func aWorkerThatLostItsLeaseChangesNothing(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await enqueue(store, count: 1)
        let now = Fixtures.now.addingTimeInterval(10)
        let lease = now.addingTimeInterval(60)
        let first = try await store.transaction {
            try await $0.claimDueMail(owner: "worker-a", now: now, limit: 1, leaseUntil: lease)
        }
        let id = try #require(first.first?.id)
        // Worker A's lease runs out behind a slow relay; worker B takes the row over.
        let later = lease.addingTimeInterval(1)
        let second = try await store.transaction {
            try await $0.claimDueMail(owner: "worker-b", now: later, limit: 1, leaseUntil: later.addingTimeInterval(60))
        }
        #expect(second.map(\.id) == [id])
        let (renewed, sent, retried, failed, message) = try await store.transaction { tx in
            (
                !(try await tx.renewLeases(.outbox, ids: [id], owner: "worker-a", until: later.addingTimeInterval(600)))
                    .isEmpty,
                try await tx.markMailSent(id: id, owner: "worker-a", at: later, reply: "250 late"),
                try await tx.markMailRetry(
                    id: id, owner: "worker-a", attempts: 1, nextAttemptAt: later, result: "451 late"),
                try await tx.markMailFailed(id: id, owner: "worker-a", attempts: 1, at: later, result: "550 late"),
                try await tx.outboxMessage(id: id)
            )
        }
        #expect([renewed, sent, retried, failed] == [false, false, false, false])
        #expect(message?.state == .sending)
        #expect(message?.nextAttemptAt == later.addingTimeInterval(60))
        #expect(message?.lastResult == nil)
        let byOwner = try await store.transaction {
            try await $0.markMailSent(id: id, owner: "worker-b", at: later, reply: "250 ok")
        }
        #expect(byOwner)
        #expect(try await store.transaction { try await $0.outboxMessage(id: id) }?.state == .sent)
    }

    @Test(arguments: StoreBackend.all)
    func aRenewedLeaseKeepsTheRowFromOtherWorkers(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await enqueue(store, count: 1)
        let now = Fixtures.now.addingTimeInterval(10)
        let lease = now.addingTimeInterval(60)
        let id = try #require(
            try await store.transaction {
                try await $0.claimDueMail(owner: "worker-a", now: now, limit: 1, leaseUntil: lease)
            }.first?.id)
        let renewed = try await store.transaction {
            !(try await $0.renewLeases(.outbox, ids: [id], owner: "worker-a", until: lease.addingTimeInterval(300)))
                .isEmpty
        }
        let taken = try await store.transaction {
            try await $0.claimDueMail(
                owner: "worker-b", now: lease.addingTimeInterval(1), limit: 1, leaseUntil: lease.addingTimeInterval(61))
        }
        #expect(renewed)
        #expect(taken.isEmpty)
        // A settled row has no lease to renew.
        let sent = try await store.transaction {
            try await $0.markMailSent(id: id, owner: "worker-a", at: lease, reply: "250 ok")
        }
        let renewedAfter = try await store.transaction {
            !(try await $0.renewLeases(.outbox, ids: [id], owner: "worker-a", until: lease.addingTimeInterval(900)))
                .isEmpty
        }
        #expect(sent)
        #expect(!renewedAfter)
    }

    @Test(arguments: StoreBackend.all)
    func sentMailIsNeverClaimedOrRetriedAgain(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await enqueue(store, count: 1)
        let now = Fixtures.now.addingTimeInterval(10)
        let claimed = try await store.transaction {
            try await $0.claimDueMail(owner: "worker-a", now: now, limit: 1, leaseUntil: now)
        }
        let id = try #require(claimed.first?.id)
        let message = try await store.transaction { tx in
            _ = try await tx.markMailSent(id: id, owner: "worker-a", at: now, reply: "250 2.0.0 Ok: queued")
            try await tx.markMailRetry(id: id, owner: "worker-a", attempts: 5, nextAttemptAt: now, result: "late retry")
            try await tx.markMailFailed(id: id, owner: "worker-a", attempts: 5, at: now, result: "late failure")
            return try await tx.outboxMessage(id: id)
        }
        #expect(message?.state == .sent)
        #expect(message?.lastResult == "250 2.0.0 Ok: queued")
        #expect(message?.sentAt == now)
        let again = try await store.transaction {
            try await $0.claimDueMail(owner: "worker-a", now: now.addingTimeInterval(3600), limit: 10, leaseUntil: now)
        }
        #expect(again.isEmpty)
    }

    @Test(arguments: StoreBackend.all)
    func retriedMailWaitsForItsNextAttempt(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await enqueue(store, count: 1)
        let now = Fixtures.now.addingTimeInterval(10)
        let id = try #require(
            try await store.transaction {
                try await $0.claimDueMail(owner: "worker-a", now: now, limit: 1, leaseUntil: now.addingTimeInterval(60))
            }.first?.id)
        let retryAt = now.addingTimeInterval(30)
        let marked = try await store.transaction {
            try await $0.markMailRetry(
                id: id, owner: "worker-a", attempts: 1, nextAttemptAt: retryAt, result: "451 try later")
        }
        #expect(marked)
        let early = try await store.transaction {
            try await $0.claimDueMail(owner: "worker-a", now: now, limit: 1, leaseUntil: now)
        }
        let due = try await store.transaction {
            try await $0.claimDueMail(owner: "worker-a", now: retryAt, limit: 1, leaseUntil: retryAt)
        }
        #expect(early.isEmpty)
        #expect(due.first?.attempts == 1)
        #expect(due.first?.lastResult == "451 try later")
    }

    @Test(arguments: StoreBackend.all)
    func summaryCountsStatesAndOldestPending(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await enqueue(store, count: 3)
        let summary = try await store.transaction { tx in
            let claimed = try await tx.claimDueMail(
                owner: "worker-a", now: Fixtures.now, limit: 1, leaseUntil: Fixtures.now)
            try await tx.markMailFailed(
                id: claimed[0].id, owner: "worker-a", attempts: 1, at: Fixtures.now, result: "550 no such user")
            return try await tx.outboxSummary()
        }
        #expect(summary.counts[.pending] == 2)
        #expect(summary.counts[.failed] == 1)
        #expect(summary.oldestPendingCreatedAt == Fixtures.now.addingTimeInterval(1))
    }

    @Test(arguments: StoreBackend.all)
    func mailCountFiltersByKeyKindAndTime(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await enqueue(store, count: 3, key: "a@example.org")
        try await enqueue(store, count: 1, key: "b@example.org")
        let (all, recent, other, wrongKind) = try await store.transaction { tx in
            (
                try await tx.mailCount(throttleKey: "a@example.org", kind: .confirmation, since: Fixtures.now),
                try await tx.mailCount(
                    throttleKey: "a@example.org", kind: .confirmation,
                    since: Fixtures.now.addingTimeInterval(1)),
                try await tx.mailCount(throttleKey: "b@example.org", kind: .confirmation, since: Fixtures.now),
                try await tx.mailCount(throttleKey: "a@example.org", kind: .welcome, since: Fixtures.now)
            )
        }
        #expect(all == 3)
        #expect(recent == 2)
        #expect(other == 1)
        #expect(wrongKind == 0)
    }
}
