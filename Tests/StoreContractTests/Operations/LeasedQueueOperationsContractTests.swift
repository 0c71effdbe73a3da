import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The leased-queue contract (``LeasedQueue`` and ``LeasedQueueOperations``), kept by every
/// leased queue (the outbox, the webhooks, digest deliveries) on every backend: a row belongs to one owner at a time,
/// an expired lease hands it to another, renewal keeps it, and the owner that lost it can change
/// nothing and is told so.
@Suite("Store contract: LeasedQueueOperations")
struct LeasedQueueOperationsContractTests {
    typealias Subject = LeasedQueueSubject
    static let now = Fixtures.now.addingTimeInterval(10)
    static let lease = now.addingTimeInterval(60)

    /// A fresh store with `count` due rows in `subject`'s queue; returns their ids.
    private func store(_ backend: StoreBackend, _ subject: Subject, rows count: Int) async throws
        -> (any SubscriberStore, [Int64])
    {
        let store = try await backend.make()
        let ids = try await store.transaction { try await subject.enqueue($0, count) }
        return (store, ids)
    }

    private func claim(
        _ subject: Subject, _ store: any SubscriberStore, _ owner: String, at time: Date, limit: Int = 10,
        until: Date? = nil
    ) async throws -> [Int64] {
        try await store.transaction { try await subject.claim($0, owner, time, limit, until ?? time + 60) }
    }

    private func row(_ subject: Subject, _ store: any SubscriberStore, _ id: Int64) async throws -> Subject.Row? {
        try await store.transaction { try await subject.row($0, id) }
    }

    @Test(arguments: StoreBackend.all)
    func aClaimedRowBelongsToOneOwnerUntilItsLeaseEnds(_ backend: StoreBackend) async throws {
        for subject in Subject.all {
            let (store, ids) = try await store(backend, subject, rows: 3)
            let first = try await claim(subject, store, "A", at: Self.now, limit: 2, until: Self.lease)
            let second = try await claim(subject, store, "B", at: Self.now, until: Self.lease)
            let third = try await claim(subject, store, "C", at: Self.lease.addingTimeInterval(-1))
            #expect(first.count == 2, "\(subject)")
            #expect(Set(first + second) == Set(ids), "\(subject)")
            #expect(Set(first).isDisjoint(with: second), "\(subject)")
            #expect(third.isEmpty, "\(subject)")
            #expect(try await row(subject, store, ids[0])?.state == "sending", "\(subject)")
        }
    }

    @Test(arguments: StoreBackend.all)
    func anExpiredLeaseHandsTheRowToAnotherOwner(_ backend: StoreBackend) async throws {
        for subject in Subject.all {
            let (store, ids) = try await store(backend, subject, rows: 1)
            _ = try await claim(subject, store, "A", at: Self.now, until: Self.lease)
            let later = Self.lease.addingTimeInterval(1)
            let taken = try await claim(subject, store, "B", at: later, until: later + 60)
            #expect(taken == ids, "\(subject)")
            let byB = try await store.transaction { try await subject.mark($0, .done, ids[0], "B", 1) }
            #expect(byB, "\(subject)")
            #expect(try await row(subject, store, ids[0])?.state == "done", "\(subject)")
        }
    }

    @Test(arguments: StoreBackend.all)
    func anOwnerThatLostItsLeaseChangesNothingAndIsToldSo(_ backend: StoreBackend) async throws {
        for subject in Subject.all {
            let (store, ids) = try await store(backend, subject, rows: 1)
            let id = ids[0]
            _ = try await claim(subject, store, "A", at: Self.now, until: Self.lease)
            let later = Self.lease.addingTimeInterval(1)
            _ = try await claim(subject, store, "B", at: later, until: later + 60)
            let before = try await row(subject, store, id)
            let (renewed, done, retried, failed) = try await store.transaction { tx in
                (
                    try await tx.renewLeases(subject.kind, ids: [id], owner: "A", until: later + 600),
                    try await subject.mark(tx, .done, id, "A", 1),
                    try await subject.mark(tx, .retry(at: later), id, "A", 1),
                    try await subject.mark(tx, .failed, id, "A", 1)
                )
            }
            #expect(renewed.isEmpty, "\(subject)")
            #expect([done, retried, failed] == [false, false, false], "\(subject)")
            let after = try await row(subject, store, id)
            #expect(after == before, "\(subject)")
            #expect(after == Subject.Row(state: "sending", attempts: 0, nextAttemptAt: later + 60), "\(subject)")
        }
    }

    @Test(arguments: StoreBackend.all)
    func renewalKeepsTheRowsStillHeldAndOnlyThose(_ backend: StoreBackend) async throws {
        for subject in Subject.all {
            let (store, ids) = try await store(backend, subject, rows: 2)
            let held = try await claim(subject, store, "A", at: Self.now, limit: 1, until: Self.lease)
            let renewed = try await store.transaction {
                try await $0.renewLeases(subject.kind, ids: ids, owner: "A", until: Self.lease + 300)
            }
            #expect(renewed == Set(held), "\(subject): an unclaimed row is not renewed")
            let other = try await claim(
                subject, store, "B", at: Self.lease.addingTimeInterval(1), until: Self.lease + 86_400)
            #expect(Set(other) == Set(ids).subtracting(held), "\(subject): the renewed row stays A's")
            let afterRenewal = try await claim(subject, store, "C", at: Self.lease.addingTimeInterval(301))
            #expect(afterRenewal == held, "\(subject): the renewed lease ends too")
        }
    }

    @Test(arguments: StoreBackend.all)
    func aRetriedRowComesBackWhenDueAndASettledRowNever(_ backend: StoreBackend) async throws {
        for subject in Subject.all {
            let (store, ids) = try await store(backend, subject, rows: 3)
            _ = try await claim(subject, store, "A", at: Self.now, until: Self.lease)
            let due = Self.now + 30
            let marks = try await store.transaction { tx in
                [
                    try await subject.mark(tx, .retry(at: due), ids[0], "A", 1),
                    try await subject.mark(tx, .done, ids[1], "A", 1),
                    try await subject.mark(tx, .failed, ids[2], "A", 1),
                ]
            }
            #expect(marks == [true, true, true], "\(subject)")
            #expect(try await claim(subject, store, "B", at: due - 1).isEmpty, "\(subject)")
            #expect(try await claim(subject, store, "B", at: due) == [ids[0]], "\(subject)")
            #expect(try await row(subject, store, ids[0])?.attempts == 1, "\(subject)")
            let yearLater = try await claim(subject, store, "C", at: Self.now + 86_400 * 365)
            #expect(yearLater == [ids[0]], "\(subject): only the unsettled row is claimable again")
            #expect(try await row(subject, store, ids[1])?.state == "done", "\(subject)")
            #expect(try await row(subject, store, ids[2])?.state == "failed", "\(subject)")
        }
    }
}
