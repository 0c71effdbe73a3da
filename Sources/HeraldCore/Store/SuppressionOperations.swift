import Foundation

/// The suppression list and the erasure of a person's data.
///
/// Contract:
/// - `suppress` is an upsert keyed by the address hash: a second call replaces reason, detail and time.
/// - `eraseSubscriber` removes the subscriber row and every row that holds their personal data —
///   subscriptions, tokens, consent events, every outbox mail to them (any state: sent mail holds
///   the address too) and their digest delivery rows — and nothing else. It does not touch the
///   suppression list (the caller suppresses first, in the same transaction).
public protocol SuppressionOperations: Sendable {
    /// Inserts or replaces the entry for `entry.addressHash`.
    func suppress(_ entry: SuppressionEntry) async throws
    /// The entry for this hash, if the address is suppressed.
    func suppression(addressHash: String) async throws -> SuppressionEntry?
    /// The entries among `addressHashes` (a batch lookup for imports and digests), keyed by hash.
    func suppressions(addressHashes: [String]) async throws -> [String: SuppressionEntry]
    /// Lifts a suppression; returns false when there was none.
    @discardableResult
    func removeSuppression(addressHash: String) async throws -> Bool
    /// Number of suppressed addresses.
    func suppressionCount() async throws -> Int
    /// Deletes the subscriber and all their personal data (see the protocol contract); returns
    /// false when there is no subscriber with this id.
    @discardableResult
    func eraseSubscriber(id: Int64) async throws -> Bool
}
