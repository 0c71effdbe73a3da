import Logging
import Synchronization

/// Hands out up to `limit` connections, opening them lazily, and queues callers when all are busy.
///
/// A lock, not an actor: taking and returning a connection are a few instructions, and as an actor
/// the pool made every message hop onto its executor and back twice more (issue #21, target 1).
final class SMTPConnectionPool: Sendable {
    private struct State: ~Copyable {
        var idle: [SMTPConnection] = []
        var opened = 0
        var waiters: [CheckedContinuation<SMTPConnection, Never>] = []
    }

    /// What a caller of `acquire` gets without waiting.
    private enum Grant {
        case idle(SMTPConnection)
        case new
        case none
    }

    private let configuration: SMTPConfiguration
    private let limit: Int
    private let logger: Logger
    private let state = Mutex(State())

    init(configuration: SMTPConfiguration, limit: Int, logger: Logger) {
        self.configuration = configuration
        self.limit = max(1, limit)
        self.logger = logger
    }

    /// A connection for the caller's exclusive use until `release`.
    func acquire() async -> SMTPConnection {
        if let connection = grant(queueing: nil) { return connection }
        return await withCheckedContinuation { waiter in
            // Asked again under the lock: a connection may have come back since the first try.
            if let connection = grant(queueing: waiter) { waiter.resume(returning: connection) }
        }
    }

    /// Returns a connection, handing it straight to the longest waiting caller if there is one.
    func release(_ connection: SMTPConnection) {
        let waiter = state.withLock { state -> CheckedContinuation<SMTPConnection, Never>? in
            guard !state.waiters.isEmpty else {
                state.idle.append(connection)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: connection)
    }

    /// Takes all idle connections out of the pool, for closing.
    func drainIdle() -> [SMTPConnection] {
        state.withLock { state in
            defer {
                state.opened -= state.idle.count
                state.idle.removeAll()
            }
            return state.idle
        }
    }

    /// An idle connection, or a new one while fewer than `limit` are open; otherwise nil, after
    /// queueing `waiter` (when given) for the next `release`.
    private func grant(queueing waiter: CheckedContinuation<SMTPConnection, Never>?) -> SMTPConnection? {
        let grant = state.withLock { state -> Grant in
            if let connection = state.idle.popLast() { return .idle(connection) }
            if state.opened < limit {
                state.opened += 1
                return .new
            }
            if let waiter { state.waiters.append(waiter) }
            return .none
        }
        switch grant {
        case .idle(let connection): return connection
        case .new: return SMTPConnection(configuration: configuration, logger: logger)
        case .none: return nil
        }
    }
}
