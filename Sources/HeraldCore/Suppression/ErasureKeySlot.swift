import Synchronization

/// Where a store keeps the erasure key it was given at start-up (from the key file), so that
/// ``SuppressionHasher/current(in:)`` finds it inside any transaction. Empty in stores that tests
/// open directly; the hasher then falls back to the key kept in the database's settings.
public final class ErasureKeySlot: Sendable {
    private let stored = Mutex<String?>(nil)

    /// An empty slot.
    public init() {}

    /// The installed key, if any.
    public var key: String? { stored.withLock { $0 } }

    /// Installs `key`; the store uses it from its next transaction on.
    public func install(_ key: String) {
        stored.withLock { $0 = key }
    }
}
