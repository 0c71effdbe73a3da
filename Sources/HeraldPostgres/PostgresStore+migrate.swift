import Foundation
import HeraldCore
import Logging
import PostgresNIO

extension PostgresStore {
    /// The advisory lock key every Herald process takes while migrating ("Herald" in ASCII).
    static let migrationLockKey: Int64 = 0x4865_7261_6C64

    public func migrate() async throws {
        try await migrate(upTo: PostgresMigrations.latestVersion)
    }

    /// Applies migrations up to and including `version`, each in its own transaction under a
    /// transaction-scoped advisory lock, so processes migrating at once apply each version once.
    package func migrate(upTo version: Int) async throws {
        for migration in PostgresMigrations.all where migration.version <= version {
            try await withConnection { connection in
                try await Self.inTransaction(connection, timeout: configuration.statementTimeout, logger: logger) {
                    connection in
                    try await apply(migration, on: connection)
                }
            }
        }
    }

    private func apply(_ migration: PostgresMigrations.Migration, on connection: PostgresConnection) async throws {
        typealias Q = PostgresQueries
        try await connection.run(Q.limitMigrationTime, logger: logger)
        try await connection.run(Q.lockMigrations, [.integer(Self.migrationLockKey)], logger: logger)
        try await connection.run(Q.createMigrationsTable, logger: logger)
        let current = Int(try await connection.run(Q.schemaVersion, logger: logger).first?.int(0) ?? 0)
        guard current <= PostgresMigrations.latestVersion else {
            throw StoreError.migration(
                "database \(configuration.database) at \(configuration.endpoint) has schema version \(current), "
                    + "newer than this Herald (\(PostgresMigrations.latestVersion)); upgrade Herald")
        }
        guard migration.version > current else { return }
        do {
            for statement in migration.statements { try await connection.run(statement, logger: logger) }
            try await connection.run(
                Q.recordMigration,
                [.integer(Int64(migration.version)), .text(migration.name), .date(Date())], logger: logger)
        } catch {
            let reason = PostgresErrorMapping.storeError(error, endpoint: configuration.endpoint)
            throw StoreError.migration("migration \(migration.version) (\(migration.name)) failed: \(reason)")
        }
        logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
    }

    /// The last schema version applied (0 for an empty database).
    package func schemaVersion() async throws -> Int {
        try await withConnection { connection in
            let exists = try await connection.run(PostgresQueries.migrationsTableExists, logger: logger)
            guard exists.first?.bool(0) == true else { return 0 }
            return Int(try await connection.run(PostgresQueries.schemaVersion, logger: logger).first?.int(0) ?? 0)
        }
    }

    /// Runs one SQL statement outside the store's contract, for tests that seed an older schema
    /// with rows the current statements could no longer write.
    package func executeUnchecked(_ statement: String) async throws {
        try await withConnection { connection in _ = try await connection.run(statement, logger: logger) }
    }

    /// Runs one SQL query outside the store's contract and returns its first column of its first
    /// row as an integer (0 when there is none), for tests that check what the triggers stored.
    package func integerUnchecked(_ query: String) async throws -> Int64 {
        try await withConnection { connection in try await connection.run(query, logger: logger).first?.int(0) ?? 0 }
    }

    /// Creates database `name` on this store's server (for tests; the name must be a plain identifier).
    package func createDatabase(named name: String) async throws {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw StoreError.unavailable("invalid database name \(name)")
        }
        try await withConnection { connection in
            _ = try await connection.run(PostgresQueries.createDatabase(name), logger: logger)
        }
    }
}
