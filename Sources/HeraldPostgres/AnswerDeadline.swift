import HeraldCore

/// Waits for an operation's answer for a limited time, without relying on the operation to
/// notice cancellation.
///
/// A statement is limited by the server's `statement_timeout`, so a query with no answer well
/// past it means the server or the connection is gone without the driver noticing (seen with
/// postgres-nio when PostgreSQL terminates a connection right after a query's last row: the
/// caller then waits forever). The operation runs in its own task; when the limit passes first,
/// `onExpiry` runs (closing the connection) and the caller gets `.unavailable` at once. A task
/// that never answers stays parked; it holds no lock and its connection is closed.
enum AnswerDeadline {
    static func race<Result: Sendable>(
        _ limit: Duration, what: String,
        _ operation: @escaping @Sendable () async throws -> Result,
        onExpiry: @escaping @Sendable () -> Void
    ) async throws -> Result {
        let outcome = LockedBox<CheckedContinuation<Result, any Error>?>(nil)
        let settle: @Sendable (Swift.Result<Result, any Error>) -> Void = { result in
            let waiter = outcome.withValue { current -> CheckedContinuation<Result, any Error>? in
                defer { current = nil }
                return current
            }
            waiter?.resume(with: result)
        }
        return try await withCheckedThrowingContinuation { continuation in
            outcome.value = continuation
            let work = Task {
                do { settle(.success(try await operation())) } catch { settle(.failure(error)) }
            }
            Task {
                try? await Task.sleep(for: limit)
                guard outcome.value != nil else { return }
                work.cancel()
                onExpiry()
                settle(.failure(StoreError.unavailable("PostgreSQL gave no answer to \(what) within \(limit)")))
            }
        }
    }
}
