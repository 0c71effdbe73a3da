import Foundation

/// A store seen through the operations one user needs (the user of an interface defines it).
///
/// A service keeps a `ScopedStore<any ItsOperations>` instead of the whole store, so every
/// transaction it opens offers only the operations named in `ItsOperations` — a composition
/// of operations protocols declared next to the service:
///
/// ```swift
/// public typealias BounceServiceOperations = SubscriberOperations & BounceOperations & …
/// let store = ScopedStore<any BounceServiceOperations>(store) { $0 }
/// ```
public struct ScopedStore<Operations: Sendable>: Sendable {
    /// The whole store, for handing on to another user that scopes it again.
    public let base: any SubscriberStore
    private let scope: @Sendable (any StoreTransaction) -> Operations

    /// Scopes `store` with `scope`, which is `{ $0 }` (the compiler checks that the backend's
    /// transaction offers every operation in `Operations`).
    public init(_ store: any SubscriberStore, scope: @escaping @Sendable (any StoreTransaction) -> Operations) {
        self.base = store
        self.scope = scope
    }

    /// Runs `body` in one transaction of the store (same contract as
    /// ``SubscriberStore/transaction(_:)``), offering only `Operations`.
    public func transaction<Result: Sendable>(
        _ body: @Sendable (Operations) async throws -> Result
    ) async throws -> Result {
        try await base.transaction { [scope] tx in try await body(scope(tx)) }
    }
}
