import Foundation

extension DigestRun {
    /// Records the suppressed recipients of a just-claimed batch as `skipped` (naming the reason)
    /// and returns the others: a suppressed address receives no digest.
    func skippingSuppressed(
        _ batch: [DigestRecipient], queue: DigestDeliveryQueue, in tx: any DigestSenderOperations
    ) async throws -> [DigestRecipient] {
        let suppressed = try await SuppressionList.suppressed(batch.map(\.subscriber), in: tx)
        guard !suppressed.isEmpty else { return batch }
        let time = sender.now()
        for recipient in batch {
            guard let entry = suppressed[recipient.id] else { continue }
            _ = try await queue.markSkipped(
                recipient, owner: owner, at: time, result: "suppressed (\(entry.reason.rawValue))", in: tx)
        }
        return batch.filter { suppressed[$0.subscriber.id] == nil }
    }
}
