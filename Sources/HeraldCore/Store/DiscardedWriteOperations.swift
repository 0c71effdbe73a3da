/// Running work inside a transaction and then undoing its writes, so that a request can do the
/// same amount of database work whatever it finds (see `SubscriptionService.signUp(_:)`).
///
/// Contract: `discardingWrites` runs `body` inside the open transaction; when it returns (or
/// throws), every write `body` made is undone and the transaction is exactly as it was before the
/// call, still open, with the writes made before the call kept. An error from `body` is rethrown
/// after the undo. Calls do not nest.
public protocol DiscardedWriteOperations: Sendable {
    /// Runs `body`, then undoes everything it wrote (a savepoint rolled back).
    func discardingWrites(_ body: () async throws -> Void) async throws
}
