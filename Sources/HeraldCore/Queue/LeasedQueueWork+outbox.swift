import Foundation

/// The outbox's steps that record more than the queue row, in the same transaction.
extension LeasedQueueWork where Queue == OutboxQueue {
    /// Claims due mail like ``claim(now:limit:leaseUntil:)``, and marks claimed mail to a
    /// suppressed address `failed` ("suppressed (reason)") in the claim's transaction, so a
    /// suppressed address receives nothing even when the mail was queued before the suppression;
    /// returns the mail still to send and how many were dropped.
    public func claimUnsuppressed(now: Date, limit: Int, leaseUntil: Date) async throws
        -> (claimed: [OutboxMessage], suppressed: Int)
    {
        try await store.transaction { [queue, owner] tx in
            let claimed = try await queue.claim(owner: owner, now: now, limit: limit, leaseUntil: leaseUntil, in: tx)
            return try await Self.droppingSuppressed(claimed, owner: owner, at: now, in: tx)
        }
    }

    /// Gives up on `message`; when the row was still this owner's and `bounce` is set, records the
    /// recipient's refusal with `bounce.recorder` in the same transaction.
    public func markFailed(
        _ message: OutboxMessage, attempts: Int, at time: Date, result: String,
        bounce: (recorder: any BounceRecorder, address: String, reply: String)?
    ) async throws -> Bool {
        try await store.transaction { [queue, owner] tx in
            let owned = try await queue.markFailed(
                message, owner: owner, attempts: attempts, at: time, result: result, in: tx)
            if owned, let bounce {
                try await bounce.recorder.recordPermanentFailure(address: bounce.address, reply: bounce.reply, in: tx)
            }
            return owned
        }
    }

    private static func droppingSuppressed(
        _ batch: [OutboxMessage], owner: String, at time: Date, in tx: any StoreTransaction
    ) async throws -> ([OutboxMessage], Int) {
        guard !batch.isEmpty else { return (batch, 0) }
        let hasher = try await SuppressionHasher.current(in: tx)
        let hashes = batch.map { message in
            message.mail.recipients.compactMap { try? EmailAddress(validating: $0) }.map(hasher.hash)
        }
        let found = try await tx.suppressions(addressHashes: hashes.flatMap { $0 })
        guard !found.isEmpty else { return (batch, 0) }
        var kept: [OutboxMessage] = []
        for (message, messageHashes) in zip(batch, hashes) {
            guard let entry = messageHashes.lazy.compactMap({ found[$0] }).first else {
                kept.append(message)
                continue
            }
            _ = try await tx.markMailFailed(
                id: message.id, owner: owner, attempts: message.attempts, at: time,
                result: "suppressed (\(entry.reason.rawValue))")
        }
        return (kept, batch.count - kept.count)
    }
}
