import Foundation
import HeraldCore
import HeraldTestSupport

/// One leased queue under test, its item type erased so one suite runs over every queue.
struct LeasedQueueSubject: Sendable, CustomStringConvertible {
    /// What a worker records about a claimed row.
    enum Mark: Sendable { case done, retry(at: Date), failed }
    /// What the suite reads back about a row: `done` for sent/delivered.
    struct Row: Sendable, Equatable {
        var state: String
        var attempts: Int
        var nextAttemptAt: Date
    }

    let kind: LeasedQueueKind
    /// Adds `count` due rows; returns their ids.
    let enqueue: @Sendable (any StoreTransaction, _ count: Int) async throws -> [Int64]
    let claim:
        @Sendable (any StoreTransaction, _ owner: String, _ now: Date, _ limit: Int, _ until: Date) async throws
            -> [Int64]
    let mark: @Sendable (any StoreTransaction, Mark, _ id: Int64, _ owner: String, _ attempts: Int) async throws -> Bool
    let row: @Sendable (any StoreTransaction, Int64) async throws -> Row?

    var description: String { kind.rawValue }

    /// Every leased queue.
    static let all: [LeasedQueueSubject] = [outbox, webhooks, digest]

    static let outbox = LeasedQueueSubject.of(
        OutboxQueue(), scope: { $0 },
        enqueue: { tx, n in
            try await tx.enqueueMail(
                OutboxDraft(
                    kind: .confirmation, subscriberID: nil, throttleKey: "k\(n)",
                    mail: Fixtures.mail(to: "r\(n)@example.org"), createdAt: Fixtures.now))
        },
        load: { tx, id in try await tx.outboxMessage(id: id) },
        row: {
            Row(
                state: $0.state == .sent ? "done" : $0.state.rawValue, attempts: $0.attempts,
                nextAttemptAt: $0.nextAttemptAt)
        }
    )

    static let webhooks = LeasedQueueSubject.of(
        WebhookQueue(), scope: { $0 },
        enqueue: { tx, n in
            try await tx.enqueueWebhook(
                WebhookDraft(
                    eventID: "e\(n)", eventType: .confirmed, endpointURL: "https://hooks.example/a", subscriberID: 7,
                    body: #"{"n":\#(n)}"#, createdAt: Fixtures.now))
        },
        load: { tx, id in try await tx.webhookDelivery(id: id) },
        row: {
            Row(
                state: $0.state == .delivered ? "done" : $0.state.rawValue, attempts: $0.attempts,
                nextAttemptAt: $0.nextAttemptAt)
        }
    )

    /// Erases `queue`: `load` reads a row as the queue's item, `row` says what the suite checks.
    static func of<Q: LeasedQueue>(
        _ queue: Q, scope: @escaping @Sendable (any StoreTransaction) -> Q.Operations,
        enqueue: @escaping @Sendable (any StoreTransaction, Int) async throws -> Int64,
        load: @escaping @Sendable (any StoreTransaction, Int64) async throws -> Q.Item?,
        row: @escaping @Sendable (Q.Item) -> Row
    ) -> LeasedQueueSubject {
        LeasedQueueSubject(
            kind: queue.kind,
            enqueue: { tx, count in
                var ids: [Int64] = []
                for n in 0..<count { ids.append(try await enqueue(tx, n)) }
                return ids
            },
            claim: { tx, owner, now, limit, until in
                try await queue.claim(owner: owner, now: now, limit: limit, leaseUntil: until, in: scope(tx)).map(\.id)
            },
            mark: { tx, mark, id, owner, attempts in
                guard let item = try await load(tx, id) else { return false }
                let time = Fixtures.now.addingTimeInterval(5000)
                return switch mark {
                case .done:
                    try await queue.markDone(
                        item, owner: owner, attempts: attempts, at: time, result: "ok", in: scope(tx))
                case .retry(let at):
                    try await queue.markRetry(
                        item, owner: owner, attempts: attempts, nextAttemptAt: at, result: "later", in: scope(tx))
                case .failed:
                    try await queue.markFailed(
                        item, owner: owner, attempts: attempts, at: time, result: "no", in: scope(tx))
                }
            },
            row: { tx, id in try await load(tx, id).map(row) })
    }
}
