import Foundation
import HeraldCore
import Synchronization

/// The embedded default store: one SQLite database file in WAL mode.
///
/// All transactions go through one connection, one at a time (`BEGIN IMMEDIATE`), so writers never
/// deadlock; other processes touching the file are waited for up to the busy timeout.
public final class SQLiteStore: SubscriberStore {
    private let connection: SQLiteConnection
    private let gate = SerialGate()
    private let groupCommit: SQLiteGroupCommit
    /// The erasure key from the key file, installed at start-up.
    public let erasureKeySlot: ErasureKeySlot? = ErasureKeySlot()
    /// Set when ``removeDeletedTraces()`` failed; ``checkpoint()`` rewrites the database first.
    private let rewriteOwed = Mutex(false)

    /// Opens the database at `path` (created if missing) with WAL, foreign keys, a busy timeout and
    /// `secure_delete` (freed pages are overwritten with zeros, so an erased person's rows and sent
    /// mail bodies leave no readable copy in the file).
    ///
    /// Temporary storage is a file (`temp_store = FILE`, in SQLite's temporary directory, unlinked when
    /// opened): a statement journal (the pages a statement changes, kept to undo that statement
    /// alone) holds its first 64 KiB in memory and writes the rest to the file, so a statement that
    /// changes many pages (an import batch into a large database) does not keep a copy of each in
    /// memory. Kept in memory, they grew the peak of a 1,000,000-row import from 47 to 67 MB at the
    /// same speed (BENCHMARKS.md, issue #21 target 3, round 7).
    ///
    /// `pageCacheKiB` caps the connection's page cache; nil keeps SQLite's default (2,000 KiB).
    public init(path: String, busyTimeout: Duration = .seconds(5), pageCacheKiB: Int? = nil) throws {
        let milliseconds = Int32(clamping: busyTimeout.components.seconds * 1000)
        connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: milliseconds)
        try connection.execute(
            "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = FILE; "
                + "PRAGMA secure_delete = ON;")
        if let pageCacheKiB { try connection.execute("PRAGMA cache_size = -\(max(1, pageCacheKiB))") }
        groupCommit = SQLiteGroupCommit(connection: connection, gate: gate)
    }

    public func migrate() async throws {
        try await migrate(upTo: SQLiteMigrations.latestVersion)
    }

    /// Applies migrations up to and including `version` (tests use it to build an older database).
    package func migrate(upTo version: Int) async throws {
        try await gate.withTurn { [connection] in
            let current = try Self.schemaVersion(connection)
            guard current <= SQLiteMigrations.latestVersion else {
                throw StoreError.migration(
                    "database \(connection.path) has schema version \(current), newer than this Herald "
                        + "(\(SQLiteMigrations.latestVersion)); upgrade Herald")
            }
            for migration in SQLiteMigrations.all where migration.version > current && migration.version <= version {
                try Self.apply(migration, on: connection)
            }
        }
    }

    /// Runs one migration in its own transaction; one that rebuilds tables runs with foreign keys
    /// off (they cannot change inside a transaction) and commits only when every reference holds.
    private static func apply(_ migration: SQLiteMigrations.Migration, on connection: SQLiteConnection) throws {
        if migration.rebuildsTables { try connection.execute("PRAGMA foreign_keys = OFF") }
        defer { if migration.rebuildsTables { try? connection.execute("PRAGMA foreign_keys = ON") } }
        do {
            try connection.execute("BEGIN IMMEDIATE")
            try connection.execute(migration.sql)
            if migration.rebuildsTables, let broken = try connection.query("PRAGMA foreign_key_check").first {
                throw StoreError.migration("a row of \(broken.string(0) ?? "?") refers to a missing row")
            }
            try connection.execute("PRAGMA user_version = \(migration.version)")
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw StoreError.migration("migration \(migration.version) (\(migration.name)) failed: \(error)")
        }
    }

    /// The schema version recorded in the database file.
    package func schemaVersion() async throws -> Int {
        try await gate.withTurn { [connection] in try Self.schemaVersion(connection) }
    }

    private static func schemaVersion(_ connection: SQLiteConnection) throws -> Int {
        Int(try connection.query("PRAGMA user_version").first?.int(0) ?? 0)
    }

    /// Moves the whole write-ahead log into the database file and truncates the log, so the file
    /// alone holds the committed state (with `secure_delete`, no erased row's bytes) even when the
    /// process exits before the connection is closed.
    public func checkpoint() async throws {
        if rewriteOwed.withLock({ $0 }) { _ = try? await removeDeletedTraces() }
        try await gate.withTurn { [connection] in _ = try connection.query("PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// Rewrites the database file from its live rows (`VACUUM`), then checkpoints and truncates the
    /// write-ahead log. `secure_delete` zeroes the bytes a deletion frees, but not what SQLite
    /// leaves behind when it moves rows between pages as they fill: a page it rebuilds keeps older
    /// bytes in its unused middle, including copies of rows that now live (or lived) elsewhere.
    /// Only rewriting every page removes those (`scripts/benchmarks/search_index_alternatives.py`
    /// finds an erased address's pieces that way; BENCHMARKS.md, SECURITY.md). Needs free disk
    /// space for a copy of the database, and holds every writer of this store until done.
    @discardableResult
    public func removeDeletedTraces() async throws -> Bool {
        do {
            try await gate.withTurn { [connection] in
                try connection.execute("VACUUM")
                _ = try connection.query("PRAGMA wal_checkpoint(TRUNCATE)")
            }
            rewriteOwed.withLock { $0 = false }
            return true
        } catch {
            rewriteOwed.withLock { $0 = true }
            throw error
        }
    }

    /// Signups queue their subscribers for the search index (migration 23).
    public var indexesSubscribersAfterCommit: Bool { true }

    /// Indexes queued subscribers as one job of the group commit (its own savepoint, committed with
    /// whatever transactions wait beside it; ``SQLiteTransaction/indexQueuedSubscribers(limit:)``).
    public func indexQueuedSubscribers(limit: Int) async throws -> Int {
        let slot = erasureKeySlot
        return try await groupCommit.run { connection in
            try SQLiteTransaction(connection: connection, erasureKeySlot: slot).indexQueuedSubscribers(limit: limit)
        }
    }

    public func ping() async throws {
        try await gate.withTurn { [connection] in _ = try connection.query("SELECT 1") }
    }

    /// Runs `body` in a transaction; returns after it committed. Transactions that arrive while
    /// another runs are committed together (group commit, see ``SQLiteGroupCommit``), each still
    /// all-or-nothing.
    public func transaction<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        let slot = erasureKeySlot
        return try await withoutActuallyEscaping(body) { body in
            try await groupCommit.run { connection in
                try await body(SQLiteTransaction(connection: connection, erasureKeySlot: slot))
            }
        }
    }
}
