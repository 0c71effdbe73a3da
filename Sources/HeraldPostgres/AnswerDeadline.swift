import HeraldCore

/// Waits for an operation's answer for a limited time, without relying on the operation to
/// notice cancellation.
///
/// A statement is limited by the server's `statement_timeout`, so a query with no answer well
/// past it means the server or the connection is gone without the driver noticing (seen with
/// postgres-nio when PostgreSQL terminates a connection right after a query's last row: the
/// caller then waits forever). The operation runs in its own task; when the limit passes first,
/// `onExpiry` runs (closing the connection) and the caller gets `.unavailable` at once. When the
/// caller is cancelled (graceful shutdown) while waiting, the same happens with a
/// `CancellationError`, so shutdown never waits on a silent database. A task that never answers
/// stays parked; it holds no lock and its connection is closed. The timer ends with the answer.
enum AnswerDeadline {
    static func race<Result: Sendable>(
        _ limit: Duration, what: String,
        _ operation: @escaping @Sendable () async throws -> Result,
        onExpiry: @escaping @Sendable () -> Void
    ) async throws -> Result {
        try Task.checkCancellation()
        let race = Race<Result>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                race.begin(
                    continuation,
                    work: Task {
                        do { race.settle(with: .success(try await operation())) } catch {
                            race.settle(with: .failure(error))
                        }
                    },
                    timer: Task {
                        try? await Task.sleep(for: limit)
                        guard !Task.isCancelled else { return }
                        race.abandon(
                            onExpiry, StoreError.unavailable("PostgreSQL gave no answer to \(what) within \(limit)"))
                    })
            }
        } onCancel: {
            race.abandon(onExpiry, CancellationError())
        }
    }

    /// One operation against its timer: whichever settles first resumes the caller; the other is
    /// cancelled. An outcome that comes before the caller's continuation is kept for it.
    private final class Race<Result: Sendable>: Sendable {
        private struct State {
            var waiter: CheckedContinuation<Result, any Error>?
            var work: Task<Void, Never>?
            var timer: Task<Void, Never>?
            var early: Swift.Result<Result, any Error>?
            var settled = false
        }

        private let state = LockedBox(State())

        func begin(_ waiter: CheckedContinuation<Result, any Error>, work: Task<Void, Never>, timer: Task<Void, Never>)
        {
            let early = state.withValue { state -> Swift.Result<Result, any Error>? in
                state.work = work
                state.timer = timer
                if state.settled { return state.early }
                state.waiter = waiter
                return nil
            }
            guard let early else { return }
            work.cancel()
            timer.cancel()
            waiter.resume(with: early)
        }

        /// The operation answered (a result or its own error).
        func settle(with result: Swift.Result<Result, any Error>) {
            complete(result)
        }

        /// The limit passed or the caller was cancelled: the connection is closed, the caller fails.
        func abandon(_ onExpiry: @Sendable () -> Void, _ error: any Error) {
            if complete(.failure(error)) { onExpiry() }
        }

        /// Settles the race once: resumes the waiter (or keeps the outcome for it) and cancels both
        /// tasks. False when it was already settled.
        @discardableResult
        private func complete(_ result: Swift.Result<Result, any Error>) -> Bool {
            let taken = state.withValue {
                state -> (CheckedContinuation<Result, any Error>?, Task<Void, Never>?, Task<Void, Never>?)? in
                guard !state.settled else { return nil }
                state.settled = true
                if state.waiter == nil { state.early = result }
                defer { state.waiter = nil }
                return (state.waiter, state.work, state.timer)
            }
            guard let (waiter, work, timer) = taken else { return false }
            timer?.cancel()
            if case .failure = result { work?.cancel() }
            waiter?.resume(with: result)
            return true
        }
    }
}
