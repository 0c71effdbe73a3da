import Foundation
import HeraldCore

/// Group commit: transactions that arrive while the connection is busy are run one after another
/// inside one SQLite transaction, each in its own savepoint, and committed together.
///
/// Each caller still gets all-or-nothing: a body that throws is rolled back to its savepoint (its
/// writes vanish, the others' stay) and its caller gets the error. No caller hears of success
/// before the shared `COMMIT` has returned; if that `COMMIT` fails, or SQLite abandons the whole
/// transaction, every caller in the group gets the error. Bodies run strictly one at a time, in
/// arrival order, so each sees the writes of those before it — the same as running them serially.
/// What changes is how often the WAL is written: once per group instead of once per transaction.
final class SQLiteGroupCommit: @unchecked Sendable {
    /// One queued transaction: runs its body on the connection once and is told how it ended.
    ///
    /// The body is dropped as soon as it has run, before its caller is resumed: callers pass
    /// non-escaping closures (through `withoutActuallyEscaping`), which must not outlive the call.
    final class Job: @unchecked Sendable {
        private var body: (@Sendable (SQLiteConnection) async throws -> Void)?
        let finish: @Sendable ((any Error)?) -> Void

        init(
            run: @escaping @Sendable (SQLiteConnection) async throws -> Void,
            finish: @escaping @Sendable ((any Error)?) -> Void
        ) {
            body = run
            self.finish = finish
        }

        /// Runs the body (only ever on the draining task) and lets go of it.
        func run(_ connection: SQLiteConnection) async throws {
            guard let body else { return }
            self.body = nil
            try await body(connection)
        }

        /// Lets go of the body without running it (its group failed before reaching it).
        func discard() { body = nil }
    }

    /// Most transactions committed together (bounds how long the first one waits for its commit).
    static let maxGroup = 64

    private let connection: SQLiteConnection
    private let gate: SerialGate
    private let lock = NSLock()
    private var queue: [Job] = []
    private var isDraining = false

    init(connection: SQLiteConnection, gate: SerialGate) {
        self.connection = connection
        self.gate = gate
    }

    /// Runs `body` in a transaction (possibly shared with others) and returns once it committed.
    func run<Result: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) async throws -> Result) async throws
        -> Result
    {
        let box = ResultBox<Result>()
        return try await withCheckedThrowingContinuation { continuation in
            enqueue(
                Job(
                    run: { connection in box.set(try await body(connection)) },
                    finish: { error in
                        if let error {
                            continuation.resume(throwing: error)
                        } else {
                            continuation.resume(returning: box.take())
                        }
                    }))
        }
    }

    private func enqueue(_ job: Job) {
        let startDrain = lock.withLock {
            queue.append(job)
            defer { isDraining = true }
            return !isDraining
        }
        if startDrain { Task { await drain() } }
    }

    /// The next group, or nil (and no longer draining) when the queue is empty.
    private func nextGroup() -> [Job]? {
        lock.withLock {
            guard !queue.isEmpty else {
                isDraining = false
                return nil
            }
            let group = Array(queue.prefix(Self.maxGroup))
            queue.removeFirst(group.count)
            return group
        }
    }

    private func drain() async {
        while let group = nextGroup() {
            let outcomes = await commit(group)
            for (job, outcome) in zip(group, outcomes) {
                job.discard()
                job.finish(outcome)
            }
        }
    }

    /// Runs `group` in one transaction; returns each job's error (nil: committed).
    private func commit(_ group: [Job]) async -> [(any Error)?] {
        let connection = connection
        do {
            return try await gate.withTurn {
                do {
                    try connection.execute("BEGIN IMMEDIATE")
                    var outcomes: [(any Error)?] = []
                    for job in group {
                        let outcome = await Self.runInSavepoint(job, on: connection)
                        guard connection.isInTransaction else {
                            throw outcome ?? StoreError.unavailable("SQLite ended the transaction on its own")
                        }
                        outcomes.append(outcome)
                    }
                    try connection.execute("COMMIT")
                    return outcomes
                } catch {
                    if connection.isInTransaction { try? connection.execute("ROLLBACK") }
                    return group.map { _ in error }
                }
            }
        } catch {
            return group.map { _ in error }
        }
    }

    /// Runs one job between `SAVEPOINT` and `RELEASE`, undoing its writes when it throws.
    private static func runInSavepoint(_ job: Job, on connection: SQLiteConnection) async -> (any Error)? {
        do {
            try connection.execute("SAVEPOINT herald_job")
            try await job.run(connection)
            try connection.execute("RELEASE herald_job")
            return nil
        } catch {
            if connection.isInTransaction {
                try? connection.execute("ROLLBACK TO herald_job")
                try? connection.execute("RELEASE herald_job")
            }
            return error
        }
    }
}

/// Carries a body's result from the group's task to the waiting caller.
private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func set(_ newValue: Value) { lock.withLock { value = newValue } }

    func take() -> Value {
        lock.withLock {
            guard let value else { preconditionFailure("a committed transaction has its result") }
            return value
        }
    }
}
