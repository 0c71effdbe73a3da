import Foundation
import HeraldCore
import Logging
import PostgresNIO

/// The store on a PostgreSQL server, for several Herald processes sharing one database.
///
/// Connections come from a postgres-nio pool whose run loop this store owns: start it with
/// `connect(url:logger:)`, stop it with `shutdown()`. Each transaction leases one connection and
/// limits every statement to 15 seconds. Claims (`claimDueMail`, `claimDigestDeliveries`) lock
/// rows with `SKIP LOCKED`, so concurrent workers in different processes never share a row.
public final class PostgresStore: SubscriberStore {
    /// Where this store connects.
    public let configuration: PostgresConfiguration
    let client: PostgresClient
    let logger: Logger
    private let runLoop: Task<Void, Never>

    private init(configuration: PostgresConfiguration, logger: Logger, started: AsyncStream<Void>.Continuation) {
        self.configuration = configuration
        self.logger = logger
        let client = PostgresClient(configuration: configuration.client, backgroundLogger: logger)
        self.client = client
        runLoop = Task {
            started.finish()
            await client.run()
        }
    }

    deinit { runLoop.cancel() }

    /// Starts a connection pool for the server and database named by `url`
    /// (`postgres://user:password@host:port/database?sslmode=disable|require`) and checks that
    /// the database answers; throws `.unavailable` naming host:port when it does not.
    public static func connect(url: String, logger: Logger) async throws -> PostgresStore {
        try await connect(PostgresConfiguration(url: url), logger: logger)
    }

    /// Starts a connection pool for `configuration` and checks that the database answers.
    public static func connect(_ configuration: PostgresConfiguration, logger: Logger) async throws -> PostgresStore {
        try await probe(configuration, logger: logger)
        let (started, continuation) = AsyncStream<Void>.makeStream()
        let store = PostgresStore(configuration: configuration, logger: logger, started: continuation)
        for await _ in started {}  // the pool warns when leased from before its run loop starts
        do {
            try await store.ping()
        } catch {
            store.shutdown()
            throw error
        }
        return store
    }

    /// Opens and closes one connection, so an unreachable server, a wrong password or a missing
    /// database fail at once (the pool would retry for a minute before failing a lease).
    private static func probe(_ configuration: PostgresConfiguration, logger: Logger) async throws {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try configuration.connection, id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw PostgresErrorMapping.storeError(error, endpoint: configuration.endpoint)
        }
    }

    /// Stops the connection pool; later calls fail with `.unavailable`.
    public func shutdown() {
        runLoop.cancel()
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
            try await Self.inTransaction(connection, logger: logger) { connection in
                try await body(PostgresTransaction(connection: connection, logger: logger))
            }
        }
    }

    /// Runs `body` on a leased connection. Database failures become `StoreError`s; errors the
    /// body throws itself pass through unchanged.
    func withConnection<Result: Sendable>(
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        var leased = false
        do {
            return try await client.withConnection { connection in
                leased = true
                return try await body(connection)
            }
        } catch {
            guard error is PSQLError || !leased else { throw error }
            throw PostgresErrorMapping.storeError(error, endpoint: configuration.endpoint)
        }
    }

    /// Runs `body` between BEGIN and COMMIT, rolling back when it throws.
    static func inTransaction<Result: Sendable>(
        _ connection: PostgresConnection, logger: Logger, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await connection.run(PostgresQueries.beginTransaction, logger: logger)
        do {
            try await connection.run(PostgresQueries.limitStatementTime, logger: logger)
            let result = try await body(connection)
            try await connection.run(PostgresQueries.commitTransaction, logger: logger)
            return result
        } catch {
            do {
                try await connection.run(PostgresQueries.rollbackTransaction, logger: logger)
            } catch let rollbackFailure {
                logger.warning("rollback failed", metadata: ["error": "\(rollbackFailure)"])
            }
            throw error
        }
    }
}

extension PostgresConnection {
    /// Runs `sql` with `values` bound to $1, $2, … and returns every row.
    @discardableResult
    func run(_ sql: String, _ values: [PostgresValue] = [], logger: Logger) async throws -> [PostgresStoredRow] {
        try await query(PostgresQuery(unsafeSQL: sql, binds: PostgresBindings(values)), logger: logger)
            .collect().map(PostgresStoredRow.init)
    }
}
