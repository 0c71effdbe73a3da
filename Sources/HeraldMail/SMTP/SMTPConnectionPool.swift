import Logging

/// Hands out up to `limit` connections, opening them lazily, and queues callers when all are busy.
actor SMTPConnectionPool {
    private let configuration: SMTPConfiguration
    private let limit: Int
    private let logger: Logger
    private var idle: [SMTPConnection] = []
    private var opened = 0
    private var waiters: [CheckedContinuation<SMTPConnection, Never>] = []

    init(configuration: SMTPConfiguration, limit: Int, logger: Logger) {
        self.configuration = configuration
        self.limit = max(1, limit)
        self.logger = logger
    }

    /// A connection for the caller's exclusive use until `release`.
    func acquire() async -> SMTPConnection {
        if let connection = idle.popLast() { return connection }
        if opened < limit {
            opened += 1
            return SMTPConnection(configuration: configuration, logger: logger)
        }
        return await withCheckedContinuation { waiters.append($0) }
    }

    /// Returns a connection, handing it straight to the longest waiting caller if there is one.
    func release(_ connection: SMTPConnection) {
        if waiters.isEmpty {
            idle.append(connection)
        } else {
            waiters.removeFirst().resume(returning: connection)
        }
    }

    /// Takes all idle connections out of the pool, for closing.
    func drainIdle() -> [SMTPConnection] {
        defer {
            opened -= idle.count
            idle.removeAll()
        }
        return idle
    }
}
