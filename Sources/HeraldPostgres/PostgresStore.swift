import Foundation
import HeraldCore
import Logging
import PostgresNIO

/// The store on a PostgreSQL server, for several Herald processes sharing one database.
///
/// Connections come from a postgres-nio pool whose run loop this store owns: start it with
/// `connect(url:logger:)`, stop it with `shutdown()`. Each transaction leases one connection
/// (waiting at most `connectionWait`, so an outage fails fast; the pool reconnects by itself when
/// the server is back) and limits every statement to 15 seconds. Claims (`claimDueMail`,
/// `claimDigestDeliveries`) lock rows with `SKIP LOCKED`, so workers in different processes never
/// share a row.
public final class PostgresStore: SubscriberStore {
    /// Where this store connects.
    public let configuration: PostgresConfiguration
    let pool: PostgresPool
    let logger: Logger
    /// The erasure key from the key file, installed at start-up.
    public let erasureKeySlot: ErasureKeySlot? = ErasureKeySlot()

    private init(configuration: PostgresConfiguration, logger: Logger, pool: PostgresPool) {
        self.configuration = configuration
        self.logger = logger
        self.pool = pool
    }

    deinit { pool.shutdown() }

    /// Starts a connection pool for the server and database named by `url`
    /// (`postgres://user:password@host:port/database?sslmode=disable|require`) and checks that
    /// the database answers; throws `.unavailable` naming host:port when it does not.
    public static func connect(url: String, logger: Logger) async throws -> PostgresStore {
        try await connect(PostgresConfiguration(url: url), logger: logger)
    }

    /// Starts a connection pool for `configuration` and checks that the database answers.
    public static func connect(_ configuration: PostgresConfiguration, logger: Logger) async throws -> PostgresStore {
        try await PostgresPool.probe(configuration, logger: logger)
        let store = PostgresStore(
            configuration: configuration, logger: logger, pool: await PostgresPool.start(configuration, logger: logger))
        do {
            try await store.ping()
        } catch {
            store.shutdown()
            throw error
        }
        return store
    }

    /// Stops the connection pool; later calls fail with `.unavailable`.
    public func shutdown() {
        pool.shutdown()
    }

    public func ping() async throws {
        try await withConnection { connection in
            _ = try await connection.run(PostgresQueries.ping, logger: logger)
        }
    }

    public func transaction<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await withConnection { connection in
            try await Self.inTransaction(connection, timeout: configuration.statementTimeout, logger: logger) {
                connection in
                try await body(
                    PostgresTransaction(
                        connection: connection, logger: logger,
                        answerLimit: Self.answerLimit(statementTimeout: configuration.statementTimeout),
                        erasureKeySlot: erasureKeySlot))
            }
        }
    }

    /// How long a statement may go unanswered: the server cancels it at `statementTimeout`, so
    /// silence well beyond that means the connection is gone.
    static func answerLimit(statementTimeout: Duration) -> Duration { statementTimeout + .seconds(5) }

    /// Runs `body` between BEGIN and COMMIT with statements limited to `timeout`, rolling back when it throws.
    static func inTransaction<Result: Sendable>(
        _ connection: PostgresConnection, timeout: Duration, logger: Logger,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let limit = answerLimit(statementTimeout: timeout)
        try await connection.run(PostgresQueries.beginTransaction, logger: logger, answerWithin: limit)
        do {
            let milliseconds =
                timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
            try await connection.run(
                PostgresQueries.limitStatementTime, [.text(String(milliseconds))], logger: logger, answerWithin: limit)
            let result = try await body(connection)
            try await connection.run(PostgresQueries.commitTransaction, logger: logger, answerWithin: limit)
            return result
        } catch {
            do {
                try await connection.run(PostgresQueries.rollbackTransaction, logger: logger, answerWithin: limit)
            } catch let rollbackFailure {
                logger.warning("rollback failed", metadata: ["error": "\(rollbackFailure)"])
            }
            throw error
        }
    }
}

extension PostgresConnection {
    /// Runs `sql` with `values` bound to $1, $2, … and returns every row. With `limit`, a query
    /// that gets no answer in time fails as `.unavailable` and the connection is closed
    /// (see `AnswerDeadline`).
    @discardableResult
    func run(_ sql: String, _ values: [PostgresValue] = [], logger: Logger, answerWithin limit: Duration? = nil)
        async throws -> [PostgresStoredRow]
    {
        let query = PostgresQuery(unsafeSQL: sql, binds: PostgresBindings(values))
        return try await answered(within: limit, what: "a query") { [self] in
            try await self.query(query, logger: logger).collect().map(PostgresStoredRow.init)
        }
    }

    /// Runs `operation`; with `limit`, one that gets no answer in time fails as `.unavailable` and
    /// the connection is closed (see `AnswerDeadline`).
    func answered<Result: Sendable>(
        within limit: Duration?, what: String, _ operation: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        guard let limit else { return try await operation() }
        return try await AnswerDeadline.race(limit, what: what, operation) { [self] in
            close().whenComplete { _ in }
        }
    }
}
