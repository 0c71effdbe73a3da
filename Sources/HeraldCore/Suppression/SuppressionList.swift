import Foundation

/// What the suppression list reads and writes: the entries and the hash secret in settings.
public typealias SuppressionListOperations = SuppressionOperations & SettingOperations

/// The addresses that receive nothing: erased people, hard bounces, complaints, admin blocks.
///
/// Entries are keyed by ``SuppressionHasher`` hashes, never by the address. Every method has a
/// variant taking an open transaction, so a caller can suppress together with the change that
/// caused it (a bounce record, an erasure).
public struct SuppressionList: Sendable {
    let store: ScopedStore<any SuppressionListOperations>
    let now: @Sendable () -> Date

    public init(store: any SubscriberStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = ScopedStore(store) { $0 }
        self.now = now
    }

    /// Whether `address` is suppressed.
    public func isSuppressed(_ address: EmailAddress) async throws -> Bool {
        try await entry(for: address) != nil
    }

    /// The suppression of `address` with its reason, if any.
    public func entry(for address: EmailAddress) async throws -> SuppressionEntry? {
        try await store.transaction { tx in try await Self.entry(canonicalKey: address.canonicalKey, in: tx) }
    }

    /// Suppresses `address` (see ``suppress(canonicalKey:reason:detail:at:in:)`` for the rule on erasures).
    public func suppress(_ address: EmailAddress, reason: SuppressionReason, detail: String?) async throws {
        let time = now()
        _ = try await store.transaction { tx in
            try await Self.suppress(
                canonicalKey: address.canonicalKey, reason: reason, detail: detail, at: time, in: tx)
        }
    }

    /// Lifts the suppression of `address`; false when it was not suppressed.
    public func lift(_ address: EmailAddress) async throws -> Bool {
        try await store.transaction { tx in
            try await tx.removeSuppression(addressHash: try await SuppressionHasher.current(in: tx).hash(address))
        }
    }

    // MARK: Inside a transaction

    /// The suppression of the address with this canonical key, if any.
    public static func entry(canonicalKey: String, in tx: any SuppressionListOperations) async throws
        -> SuppressionEntry?
    {
        try await tx.suppression(
            addressHash: try await SuppressionHasher.current(in: tx).hash(canonicalKey: canonicalKey))
    }

    /// Suppresses the address with this canonical key and returns the entry in force.
    ///
    /// An `erased` suppression never replaces another reason: a person who complained or bounced
    /// and was then erased stays suppressed even if someone signs their address up again.
    @discardableResult
    public static func suppress(
        canonicalKey: String, reason: SuppressionReason, detail: String?, at time: Date,
        in tx: any SuppressionListOperations
    ) async throws -> SuppressionEntry {
        let hash = try await SuppressionHasher.current(in: tx).hash(canonicalKey: canonicalKey)
        if reason == .erased, let existing = try await tx.suppression(addressHash: hash), existing.reason != .erased {
            return existing
        }
        let entry = SuppressionEntry(addressHash: hash, reason: reason, detail: detail, createdAt: time)
        try await tx.suppress(entry)
        return entry
    }

    /// The suppressed subscribers among `subscribers`, by subscriber id (one batch lookup).
    public static func suppressed(_ subscribers: [Subscriber], in tx: any SuppressionListOperations) async throws
        -> [Int64: SuppressionEntry]
    {
        guard !subscribers.isEmpty else { return [:] }
        let hasher = try await SuppressionHasher.current(in: tx)
        let hashes = subscribers.map { hasher.hash(canonicalKey: $0.canonicalKey) }
        let found = try await tx.suppressions(addressHashes: hashes)
        guard !found.isEmpty else { return [:] }
        var result: [Int64: SuppressionEntry] = [:]
        for (subscriber, hash) in zip(subscribers, hashes) { result[subscriber.id] = found[hash] }
        return result
    }
}
