import HeraldCore
import Logging
import PostgresNIO

extension PostgresStore {
    /// Runs `body` on a leased connection. Database failures become `StoreError`s; errors the
    /// body throws itself pass through unchanged.
    ///
    /// postgres-nio's pool queues a request while it cannot connect (for up to a minute before its
    /// circuit breaker opens), so the wait for a connection is limited to
    /// `configuration.connectionWait`; after it the operation fails with `.unavailable` and never
    /// runs, even if a connection turns up a moment later. A lease the pool refuses outright (its
    /// circuit breaker is open) lets the pool recover as soon as the server answers again.
    func withConnection<Result: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let lease = LeaseRace()
        do {
            return try await withoutActuallyEscaping(body) { body in
                try await raceLease(lease) { [client = pool.client] in
                    try await client.withConnection { connection in
                        guard lease.begin() else { throw LeaseRace.TooLate() }
                        return try await body(connection)
                    }
                }
            }
        } catch {
            guard error is PSQLError || !lease.hasBegun else { throw error }
            if lease.wasRefused && !Task.isCancelled { await pool.recover() }
            throw PostgresErrorMapping.storeError(error, endpoint: configuration.endpoint)
        }
    }

    /// Runs `work` (which calls `lease.begin()` once it holds a connection) against a timer.
    private func raceLease<Result: Sendable>(
        _ lease: LeaseRace, _ work: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        let wait = configuration.connectionWait
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try? await Task.sleep(for: wait)
                return nil
            }
            while let finished = try await group.next() {
                if let result = finished {
                    group.cancelAll()
                    return result
                }
                if lease.expire() {  // the timer won: no connection yet, and the work will never run
                    group.cancelAll()
                    throw StoreError.unavailable(
                        "no connection to PostgreSQL at \(configuration.endpoint) within \(wait) "
                            + "(the server is down or unreachable, or every connection is busy)")
                }
            }
            throw CancellationError()
        }
    }
}

/// Decides, once, whether a connection lease or its deadline came first.
final class LeaseRace: Sendable {
    private enum State { case waiting, begun, expired }
    private let state = LockedBox(State.waiting)

    struct TooLate: Error {}

    /// Called with a connection in hand: true if the deadline has not passed (the work may run).
    func begin() -> Bool { settle(.begun) }
    /// Called at the deadline: true if no connection came first (the operation fails).
    func expire() -> Bool { settle(.expired) }

    var hasBegun: Bool { state.value == .begun }
    /// The pool failed the lease before the deadline (it is shut down or its circuit breaker is open).
    var wasRefused: Bool { state.value == .waiting }

    private func settle(_ outcome: State) -> Bool {
        state.withValue { current in
            guard current == .waiting else { return current == outcome }
            current = outcome
            return true
        }
    }
}
