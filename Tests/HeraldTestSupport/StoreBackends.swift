import Foundation
import HeraldCore
import HeraldPostgres
import HeraldSQLite
import Logging

/// A store backend the contract suite runs against, with a way to make a fresh, migrated instance.
public struct StoreBackend: Sendable, CustomStringConvertible {
    public let name: String
    public let make: @Sendable () async throws -> any SubscriberStore

    public var description: String { name }

    /// The reference in-memory store.
    public static let memory = StoreBackend(name: "memory") { InMemoryStore() }

    /// SQLite in a new temporary file.
    public static let sqlite = StoreBackend(name: "sqlite") {
        let store = try SQLiteStore(path: TemporaryPath.make(suffix: ".sqlite"))
        try await store.migrate()
        return store
    }

    /// PostgreSQL: a new, migrated database on the server named by `HERALD_TEST_POSTGRES_URL`.
    public static let postgres = StoreBackend(name: "postgres") {
        let store = try await TestPostgres.freshStore()
        try await store.migrate()
        return store
    }

    /// Every backend available in this test run: PostgreSQL only when `HERALD_TEST_POSTGRES_URL` is
    /// set, except under CI (`CI` set), where a missing server fails every PostgreSQL test.
    public static var all: [StoreBackend] {
        TestPostgres.isEnabled ? [.memory, .sqlite, .postgres] : [.memory, .sqlite]
    }
}

/// The PostgreSQL server the tests use, from `HERALD_TEST_POSTGRES_URL`.
public enum TestPostgres {
    /// The server URL (`postgres://postgres@127.0.0.1:PORT/postgres`), if given.
    public static let serverURL = ProcessInfo.processInfo.environment["HERALD_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : $0 }
    /// True under continuous integration, where the PostgreSQL tests must run.
    public static let isRequired = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false
    /// True when PostgreSQL tests run (or must fail for want of a server).
    public static var isEnabled: Bool { serverURL != nil || isRequired }

    /// A quiet logger for test stores.
    public static var logger: Logger {
        var logger = Logger(label: "herald.tests.postgres")
        logger.logLevel = .warning
        return logger
    }

    private static let admin = Task { () throws -> PostgresStore in
        guard let serverURL else {
            throw StoreError.unavailable(
                "HERALD_TEST_POSTGRES_URL is not set (CI requires the PostgreSQL tests): "
                    + "start a server with scripts/postgres-for-tests")
        }
        return try await PostgresStore.connect(url: serverURL, logger: logger)
    }

    /// Creates a uniquely named, empty database and returns its configuration.
    public static func freshDatabase() async throws -> PostgresConfiguration {
        let admin = try await admin.value
        let name = "herald_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await admin.createDatabase(named: name)
        return admin.configuration.with(database: name)
    }

    /// A store on a new, empty (not yet migrated) database.
    public static func freshStore() async throws -> PostgresStore {
        try await PostgresStore.connect(freshDatabase(), logger: logger)
    }
}

/// Unique paths under the system temporary folder, for test databases and mail folders.
public enum TemporaryPath {
    /// A path that does not exist yet.
    public static func make(suffix: String = "") -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-tests", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(UUID().uuidString + suffix).path
    }
}
