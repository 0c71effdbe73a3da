import HeraldCore
import Logging
import PostgresNIO

extension PostgresStore {
    /// Runs `body` on a leased connection. Database failures become `StoreError`s; errors the
    /// body throws itself pass through unchanged.
    ///
    /// postgres-nio's pool queues a request while it cannot connect (for up to a minute before its
    /// circuit breaker opens), so when no connection was handed out for `configuration.connectionWait`
    /// the operation fails with `.unavailable` and never runs, even if a connection turns up a moment
    /// later. A pool that keeps handing out connections is busy, not broken: then the wait goes on, up
    /// to twice the statement timeout. A lease the pool refuses outright (its circuit breaker is
    /// open) lets the pool recover as soon as the server answers again. The lease is taken by a
    /// helper task that hands the connection over, so a request the pool is slow to cancel never
    /// holds the caller.
    func withConnection<Result: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let handoff = ConnectionHandoff()
        let leasing = Task { [pool] in
            do {
                try await pool.client.withConnection { connection in
                    pool.noteLease()
                    guard handoff.deliver(connection) else { return }  // the caller gave up waiting
                    await handoff.released()
                }
            } catch {
                handoff.fail(error)
            }
        }
        let connection: PostgresConnection
        do {
            connection = try await waitForConnection(handoff)
        } catch {
            leasing.cancel()
            if handoff.wasRefused && !Task.isCancelled { await pool.recover() }
            throw PostgresErrorMapping.storeError(error, endpoint: configuration.endpoint)
        }
        defer { handoff.finish() }
        do {
            return try await body(connection)
        } catch let error as PSQLError {
            throw PostgresErrorMapping.storeError(error, endpoint: configuration.endpoint)
        }
    }

    /// The connection `handoff` receives, or `.unavailable` once the pool handed out nothing for
    /// `connectionWait` (or, while it keeps handing out connections, after twice the statement timeout).
    private func waitForConnection(_ handoff: ConnectionHandoff) async throws -> PostgresConnection {
        let wait = configuration.connectionWait
        let giveUp = ContinuousClock.now + configuration.statementTimeout * 2
        let timer = Task { [pool] in
            repeat {
                try? await Task.sleep(for: wait)
            } while pool.handedOutLease(within: wait) && ContinuousClock.now < giveUp && !Task.isCancelled
            handoff.expire()
        }
        defer { timer.cancel() }
        do {
            return try await handoff.connection()
        } catch is ConnectionHandoff.Expired {
            throw StoreError.unavailable(
                "no connection to PostgreSQL at \(configuration.endpoint) within \(wait) "
                    + "(the server is down or unreachable, or every connection is busy)")
        }
    }
}

/// Passes one leased connection from the task holding the lease to the caller, once; decides
/// whether the connection, a lease failure or the deadline came first.
final class ConnectionHandoff: Sendable {
    struct Expired: Error {}
    typealias Waiter = CheckedContinuation<PostgresConnection, any Error>

    private enum State {
        case pending(Waiter?)
        case ready(PostgresConnection)
        case taken
        case failed(any Error)
        case expired
    }

    private let state = LockedBox(State.pending(nil))
    private let release = LockedBox<(done: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

    /// Waits for `deliver`, `fail` or `expire`, whichever comes first (or the caller's cancellation).
    func connection() async throws -> PostgresConnection {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: Waiter) in
                let outcome: Result<PostgresConnection, any Error>? = state.withValue { current in
                    switch current {
                    case .pending:
                        current = .pending(waiter)
                        return nil
                    case .ready(let connection):
                        current = .taken
                        return .success(connection)
                    case .failed(let error): return .failure(error)
                    case .expired, .taken: return .failure(Expired())
                    }
                }
                if let outcome { waiter.resume(with: outcome) }
            }
        } onCancel: {
            expire()
        }
    }

    /// The lease holder has a connection: true if the caller still wants it and now owns it.
    func deliver(_ connection: PostgresConnection) -> Bool {
        let (accepted, waiter) = state.withValue { current -> (Bool, Waiter?) in
            guard case .pending(let waiter) = current else { return (false, nil) }
            current = waiter == nil ? .ready(connection) : .taken
            return (true, waiter)
        }
        waiter?.resume(returning: connection)
        return accepted
    }

    /// The pool failed the lease before the deadline.
    func fail(_ error: any Error) { settle(.failed(error), with: error) }

    /// The deadline passed (or the caller was cancelled) before a connection came.
    func expire() { settle(.expired, with: Expired()) }

    /// True when the pool refused the lease outright (not a timeout).
    var wasRefused: Bool {
        state.withValue { current in
            if case .failed = current { return true }
            return false
        }
    }

    /// Called by the caller when it is done with the connection.
    func finish() {
        let waiter = release.withValue { state -> CheckedContinuation<Void, Never>? in
            defer { state = (true, nil) }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Waits, in the lease holder, until the caller is done with the connection.
    func released() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = release.withValue { state -> Bool in
                if !state.done { state.waiter = continuation }
                return state.done
            }
            if done { continuation.resume() }
        }
    }

    private func settle(_ outcome: State, with error: any Error) {
        let waiter = state.withValue { current -> Waiter?? in
            guard case .pending(let waiter) = current else { return .none }
            current = outcome
            return .some(waiter)
        }
        if case .some(.some(let waiter)) = waiter { waiter.resume(throwing: error) }
    }
}
