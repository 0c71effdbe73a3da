import Foundation

/// What an import writes: the batch, the suppression check, and the confirmations it queues.
public typealias SubscriberImporterOperations =
    SubscriberImportOperations & SuppressionListOperations & ImportConfirmationOperations

/// Writes one import batch in one transaction: drops suppressed addresses, writes the rest, and
/// queues the confirmations of subscriptions it created as pending (when `confirmations` is set),
/// so a batch is imported whole or not at all.
public struct SubscriberImportWriter: Sendable {
    let store: ScopedStore<any SubscriberImporterOperations>
    let confirmations: (any ImportConfirmationSender)?

    public init(store: ScopedStore<any SubscriberImporterOperations>, confirmations: (any ImportConfirmationSender)?) {
        self.store = store
        self.confirmations = confirmations
    }

    /// Writes `batch`; confirmations are queued only when `sendConfirmation` and a sender is set.
    public func write(_ batch: SubscriberImportBatch, sendConfirmation: Bool) async throws
        -> SubscriberImportBatchOutcome
    {
        try await store.transaction { [confirmations] tx in
            let kept = try await Self.unsuppressed(batch.rows, in: tx)
            let result = try await tx.importSubscribers(
                SubscriberImportBatch(rows: kept, importedAt: batch.importedAt, consentSource: batch.consentSource))
            var queued = 0
            if sendConfirmation, let confirmations {
                let pending = Dictionary(grouping: result.changed.filter { $0.status == .pending }, by: \.subscriberID)
                for (subscriberID, subscriptions) in pending.sorted(by: { $0.key < $1.key }) {
                    let sent = try await confirmations.queueImportConfirmation(
                        subscriberID: subscriberID, newsletters: subscriptions.map(\.newsletter), in: tx,
                        at: batch.importedAt)
                    if sent { queued += 1 }
                }
            }
            return SubscriberImportBatchOutcome(kept: kept, result: result, confirmations: queued)
        }
    }

    private static func unsuppressed(_ rows: [ImportedSubscription], in tx: any SubscriberImporterOperations)
        async throws -> [ImportedSubscription]
    {
        let hasher = try await SuppressionHasher.current(in: tx)
        var hashes: [String: String] = [:]
        for row in rows where hashes[row.canonicalKey] == nil {
            hashes[row.canonicalKey] = hasher.hash(canonicalKey: row.canonicalKey)
        }
        let suppressed = try await tx.suppressions(addressHashes: Array(hashes.values))
        return suppressed.isEmpty ? rows : rows.filter { suppressed[hashes[$0.canonicalKey] ?? ""] == nil }
    }
}
