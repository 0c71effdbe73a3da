import Foundation
import HeraldCore

extension OutboxWorker {
    /// Marks claimed mail to a suppressed address `failed` ("suppressed (reason)") in the claim's
    /// transaction, so a suppressed address receives nothing even when the mail was queued before
    /// the suppression; returns the mail still to send and how many were dropped.
    static func droppingSuppressed(
        _ batch: [OutboxMessage], owner: String, at time: Date, in tx: any OutboxWorkerOperations
    ) async throws
        -> ([OutboxMessage], Int)
    {
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
            try await tx.markMailFailed(
                id: message.id, owner: owner, attempts: message.attempts, at: time,
                result: "suppressed (\(entry.reason.rawValue))")
        }
        return (kept, batch.count - kept.count)
    }
}
