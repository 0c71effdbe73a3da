import Foundation
import Logging
import Synchronization

/// Keeps the leases of one claimed batch while its work is in flight.
///
/// ``keepRenewing(logger:)`` renews every row still held, every third of a lease, in one store
/// transaction (`renew`), for as long as the batch runs, so a send slower than the lease (a
/// relay that takes 120 s to answer under a 60 s lease) keeps its rows: no other worker may
/// claim them meanwhile. A row the store says this owner lost is dropped, and ``holds(_:)`` is
/// false once the last successful renewal's lease has run out (the database was unreachable for a
/// whole lease): work must not start on a row that is not held.
public final class LeaseKeeper: Sendable {
    /// Extends the leases of `ids` to `until`; returns the ids still held.
    public typealias Renew = @Sendable (_ ids: [Int64], _ until: Date) async throws -> Set<Int64>

    private struct State {
        var held: Set<Int64>
        var validUntil: Date
    }

    private let lease: Duration
    private let now: @Sendable () -> Date
    private let renew: Renew
    private let state: Mutex<State>

    /// Keeps `ids`, claimed until `leaseUntil` with leases of `lease`.
    public init(
        ids: [Int64], leaseUntil: Date, lease: Duration, now: @escaping @Sendable () -> Date,
        renew: @escaping Renew
    ) {
        self.lease = lease
        self.now = now
        self.renew = renew
        state = Mutex(State(held: Set(ids), validUntil: leaseUntil))
    }

    /// True while `id` is held and its lease, as last renewed, has not run out.
    public func holds(_ id: Int64) -> Bool {
        let time = now()
        return state.withLock { $0.held.contains(id) && time < $0.validUntil }
    }

    /// Stops renewing `id` (its outcome is recorded, or it was put back).
    public func release(_ id: Int64) {
        _ = state.withLock { $0.held.remove(id) }
    }

    /// Renews every held row once; rows the owner lost are dropped.
    public func renewNow() async throws {
        let ids = state.withLock { Array($0.held) }
        guard !ids.isEmpty else { return }
        let time = now()
        let until = time.addingTimeInterval(lease.seconds)
        let kept = try await renew(ids, until)
        state.withLock { state in
            state.held.subtract(Set(ids).subtracting(kept))
            state.validUntil = until
        }
    }

    /// Renews every third of a lease until cancelled; a failed renewal is logged and tried again
    /// at the next beat (the rows stay held only until the last renewed lease ends).
    public func keepRenewing(logger: Logger) async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: lease / 3)
                try await renewNow()
            } catch is CancellationError {
                return
            } catch {
                logger.warning("could not renew leases", metadata: ["error": "\(error)"])
            }
        }
    }
}
