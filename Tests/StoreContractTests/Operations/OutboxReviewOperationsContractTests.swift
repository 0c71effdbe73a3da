import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// An operator sees failed and deferred mail, retries it once the relay is fixed, or discards
/// it; a failed mail keeps its message until it is discarded or forgotten.
@Suite("Store contract: OutboxReviewOperations")
struct OutboxReviewOperationsContractTests {
    /// Queues `count` mails and settles them: 0 sent, 1 failed, 2 deferred, 3 still pending (fresh).
    private func settledOutbox(_ store: any SubscriberStore) async throws -> [Int64] {
        let (ids, claimed, marked) = try await store.transaction { tx in
            var ids: [Int64] = []
            for index in 0..<4 {
                ids.append(
                    try await tx.enqueueMail(
                        OutboxDraft(
                            kind: .confirmation, subscriberID: nil, throttleKey: "k\(index)",
                            mail: Fixtures.mail(to: "r\(index)@example.org", body: "body \(index)"),
                            createdAt: Fixtures.now)))
            }
            let claimed = try await tx.claimDueMail(
                owner: "w", now: Fixtures.now, limit: 3, leaseUntil: Fixtures.now.addingTimeInterval(60))
            let marked = [
                try await tx.markMailSent(id: ids[0], owner: "w", at: Fixtures.now, reply: "250 ok"),
                try await tx.markMailFailed(
                    id: ids[1], owner: "w", attempts: 5, at: Fixtures.now.addingTimeInterval(5), result: "550 no"),
                try await tx.markMailRetry(
                    id: ids[2], owner: "w", attempts: 1, nextAttemptAt: Fixtures.now.addingTimeInterval(600),
                    result: "451 later"),
            ]
            return (ids, claimed.map(\.id), marked)
        }
        #expect(claimed == Array(ids.prefix(3)))
        #expect(marked == [true, true, true])
        return ids
    }

    @Test(arguments: StoreBackend.all)
    func failedAndDeferredMailNeedAttentionNewestFirstInKeysetPages(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let ids = try await settledOutbox(store)
        let all = try await store.transaction { try await $0.mailNeedingAttention(beforeID: nil, limit: 10) }
        #expect(all.map(\.id) == [ids[2], ids[1]])
        #expect(all.map(\.lastResult) == ["451 later", "550 no"])
        let failed = try #require(all.last)
        #expect(failed.state == .failed && failed.attempts == 5)
        #expect(failed.mail == Fixtures.mail(to: "r1@example.org", body: "body 1"), "a failed mail keeps its message")
        let second = try await store.transaction { try await $0.mailNeedingAttention(beforeID: ids[2], limit: 10) }
        #expect(second.map(\.id) == [ids[1]])
    }

    @Test(arguments: StoreBackend.all)
    func aRetriedMailIsDueAtOnceWithAFreshBudgetAndIsSentNormally(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let ids = try await settledOutbox(store)
        let later = Fixtures.now.addingTimeInterval(60)
        let retried = try await store.transaction { tx in
            [
                try await tx.retryMail(id: ids[1], at: later), try await tx.retryMail(id: ids[2], at: later),
                try await tx.retryMail(id: ids[0], at: later), try await tx.retryMail(id: 999_999, at: later),
            ]
        }
        #expect(
            retried == [true, true, false, false], "a sent mail is never sent again; an unknown id changes nothing")
        let due = try await store.transaction {
            try await $0.claimDueMail(owner: "w2", now: later, limit: 10, leaseUntil: later.addingTimeInterval(60))
        }
        #expect(Set(due.map(\.id)) == [ids[1], ids[2], ids[3]])
        #expect(due.first { $0.id == ids[1] }?.attempts == 0)
        #expect(due.first { $0.id == ids[1] }?.mail == Fixtures.mail(to: "r1@example.org", body: "body 1"))
        let whileSending = try await store.transaction { tx in
            [try await tx.retryMail(id: ids[1], at: later), try await tx.discardMail(id: ids[1], at: later)]
        }
        #expect(whileSending == [false, false], "a mail being sent is left alone")
    }

    @Test(arguments: StoreBackend.all)
    func aDiscardedMailLosesItsMessageLeavesTheListAndCannotBeRetried(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let ids = try await settledOutbox(store)
        let later = Fixtures.now.addingTimeInterval(60)
        let changed = try await store.transaction { tx in
            [
                try await tx.discardMail(id: ids[1], at: later), try await tx.discardMail(id: ids[2], at: later),
                try await tx.discardMail(id: ids[2], at: later), try await tx.discardMail(id: ids[0], at: later),
                try await tx.retryMail(id: ids[2], at: later),
            ]
        }
        #expect(changed == [true, true, false, false, false], "discarded once; a sent mail stays sent")
        let left = try await store.transaction { try await $0.mailNeedingAttention(beforeID: nil, limit: 10) }
        #expect(left.isEmpty)
        let deferred = try #require(try await store.transaction { try await $0.outboxMessage(id: ids[2]) })
        #expect(deferred.state == .failed && deferred.mail.data.isEmpty)
        let due = try await store.transaction {
            try await $0.claimDueMail(
                owner: "w", now: later.addingTimeInterval(3600), limit: 10, leaseUntil: later.addingTimeInterval(3700))
        }
        #expect(due.map(\.id) == [ids[3]], "a discarded deferred mail is never sent")
    }

    @Test(arguments: StoreBackend.all)
    func failedMailIsForgottenAfterItsRetentionAndThenCannotBeRetried(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let ids = try await settledOutbox(store)
        let none = try await store.transaction { try await $0.forgetFailedMail(before: Fixtures.now) }
        #expect(none == 0, "failed 5 s after the cut-off: kept")
        let forgotten = try await store.transaction {
            try await $0.forgetFailedMail(before: Fixtures.now.addingTimeInterval(6))
        }
        #expect(forgotten == 1)
        let failed = try #require(try await store.transaction { try await $0.outboxMessage(id: ids[1]) })
        #expect(failed.mail.data.isEmpty && failed.lastResult == "550 no")
        let retried = try await store.transaction { try await $0.retryMail(id: ids[1], at: Fixtures.now) }
        #expect(retried == false)
        let listed = try await store.transaction { try await $0.mailNeedingAttention(beforeID: nil, limit: 10) }
        #expect(listed.map(\.id) == [ids[2], ids[1]], "still listed with its reply, without a message")
    }
}
