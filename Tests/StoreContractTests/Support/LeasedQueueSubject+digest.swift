import Foundation
import HeraldCore
import HeraldTestSupport

extension LeasedQueueSubject {
    /// Digest deliveries: the rows of one issue of "daily", one per confirmed subscriber; row ids
    /// are subscriber ids. A claimed row (`claimed`) reads as "sending", a sent one as "done".
    static let digest = LeasedQueueSubject(
        kind: .digest,
        enqueue: { tx, count in
            for newsletter in Fixtures.newsletters { try await tx.upsertNewsletter(newsletter) }
            var ids: [Int64] = []
            for n in 0..<count {
                let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("q\(n)@example.org"))
                try await tx.saveSubscription(
                    Subscription(
                        subscriberID: subscriber.id, newsletter: "daily", status: .confirmed,
                        createdAt: Fixtures.now, updatedAt: Fixtures.now))
                ids.append(subscriber.id)
            }
            _ = try await tx.createDigestIssue(
                newsletter: "daily", period: "leased", edition: .single("en"), articles: [], at: Fixtures.now)
            return ids
        },
        claim: { tx, owner, now, limit, until in
            try await queue(tx).claim(owner: owner, now: now, limit: limit, leaseUntil: until, in: tx).map(\.id)
        },
        mark: { tx, mark, id, owner, attempts in
            let queue = try await queue(tx)
            guard let record = try await tx.digestDelivery(issueID: queue.issueID, subscriberID: id),
                let subscriber = try await tx.subscriber(id: id)
            else { return false }
            let item = DigestRecipient(
                subscriber: subscriber, status: .confirmed, resumedAfterInterruption: false,
                attempts: record.attempts)
            let time = Fixtures.now.addingTimeInterval(5000)
            return switch mark {
            case .done: try await queue.markDone(item, owner: owner, attempts: attempts, at: time, result: "ok", in: tx)
            case .retry(let at):
                try await queue.markRetry(
                    item, owner: owner, attempts: attempts, nextAttemptAt: at, result: "later", in: tx)
            case .failed:
                try await queue.markFailed(item, owner: owner, attempts: attempts, at: time, result: "no", in: tx)
            }
        },
        row: { tx, id in
            let queue = try await queue(tx)
            return try await tx.digestDelivery(issueID: queue.issueID, subscriberID: id).map {
                let state =
                    switch $0.state {
                    case .sent: "done"
                    case .claimed: "sending"
                    default: $0.state.rawValue
                    }
                return Row(state: state, attempts: $0.attempts, nextAttemptAt: $0.nextAttemptAt ?? .distantPast)
            }
        })

    /// The queue of the issue `enqueue` created.
    private static func queue(_ tx: any StoreTransaction) async throws -> DigestDeliveryQueue {
        let issue = try await tx.digestIssue(newsletter: "daily", period: "leased", language: "en")
        return DigestDeliveryQueue(issueID: issue?.id ?? -1)
    }
}
