import Foundation

/// The reference store: everything in memory, transactions serialised and rolled back on error.
///
/// Used by unit tests and as the model the real backends must match (see the contract suite).
public final class InMemoryStore: SubscriberStore {
    private let gate = SerialGate()
    private let state = LockedBox(InMemoryState())

    public init() {}

    public func migrate() async throws {}

    public func ping() async throws {}

    public func transaction<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await gate.withTurn {
            let working = InMemoryTransaction(state: state.value)
            let result = try await body(working)
            state.value = working.finished()
            return result
        }
    }
}

/// A mutable value behind a lock, so a `Sendable` type can hold it.
package final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    package init(_ value: Value) { stored = value }

    package var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// Runs `body` with exclusive access to the value.
    package func withValue<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        try lock.withLock { try body(&stored) }
    }
}
