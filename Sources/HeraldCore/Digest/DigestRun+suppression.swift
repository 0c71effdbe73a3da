import Foundation

extension DigestRun {
    /// Records the suppressed recipients of a just-claimed batch as `skipped` (naming the reason)
    /// and returns the others: a suppressed address receives no digest.
    func skippingSuppressed(_ batch: [DigestRecipient], issue: DigestIssue, in tx: any DigestSenderOperations)
        async throws
        -> [DigestRecipient]
    {
        let suppressed = try await SuppressionList.suppressed(batch.map(\.subscriber), in: tx)
        guard !suppressed.isEmpty else { return batch }
        let time = sender.now()
        for (subscriberID, entry) in suppressed {
            try await tx.recordDigestDelivery(
                issueID: issue.id, subscriberID: subscriberID, state: .skipped,
                result: "suppressed (\(entry.reason.rawValue))", at: time)
        }
        return batch.filter { suppressed[$0.subscriber.id] == nil }
    }
}
