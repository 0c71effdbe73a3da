import CSQLite
import Foundation
import HeraldCore

/// A value bound to or read from an SQLite statement.
enum SQLiteValue: Sendable, Equatable {
    case integer(Int64)
    case text(String)
    case blob([UInt8])
    case null
}

/// One SQLite database connection with a cache of prepared statements.
///
/// Not thread-safe: the owning store serialises all use through its `SerialGate`.
final class SQLiteConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// The file this connection opened, for error messages.
    let path: String

    /// Opens (creating if needed) the database at `path`.
    init(path: String, busyTimeoutMilliseconds: Int32 = 5_000) throws(StoreError) {
        self.path = path
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            throw StoreError.unavailable("cannot open SQLite database at \(path): \(reason)")
        }
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Whether a transaction is open (false after SQLite rolled one back on its own, e.g. when full).
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        guard status == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "error \(status)"
            sqlite3_free(message)
            throw error(status, text)
        }
    }

    /// Runs a statement with `bindings` and returns every row.
    @discardableResult
    func query(_ sql: String, _ bindings: [SQLiteValue] = []) throws(StoreError) -> [SQLiteRow] {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        try bind(bindings, to: statement)
        var rows: [SQLiteRow] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw error(status, lastMessage) }
            rows.append(SQLiteRow(statement: statement))
        }
    }

    /// Runs `sql` (a statement with a text and an integer parameter that returns no rows) once
    /// per integer of `integers`, in order, with `text` bound once: a bulk insert without a binding
    /// array or a result array per row.
    func run(_ sql: String, text: String, integers: [Int64]) throws(StoreError) {
        let statement = try prepared(sql)
        defer { sqlite3_clear_bindings(statement) }
        var text = text
        let status = text.withUTF8 { utf8 in
            // SQLITE_STATIC (nil): the bytes outlive every step, which all run inside this closure.
            sqlite3_bind_text(statement, 1, utf8.baseAddress, Int32(utf8.count), nil)
            for integer in integers {
                sqlite3_bind_int64(statement, 2, integer)
                let status = sqlite3_step(statement)
                sqlite3_reset(statement)
                guard status == SQLITE_DONE else { return status }
            }
            return SQLITE_DONE
        }
        guard status == SQLITE_DONE else { throw error(status, lastMessage) }
    }

    /// The rowid of the last inserted row.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Number of rows changed by the last statement.
    var changes: Int { Int(sqlite3_changes(handle)) }

    private var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    private func prepared(_ sql: String) throws(StoreError) -> OpaquePointer {
        if let cached = statements[sql] { return cached }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status, lastMessage) }
        statements[sql] = statement
        return statement
    }

    private func bind(_ values: [SQLiteValue], to statement: OpaquePointer) throws(StoreError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let number): status = sqlite3_bind_int64(statement, index, number)
            case .text(let text): status = sqlite3_bind_text(statement, index, text, -1, csqlite_transient())
            case .blob(let bytes):
                status = bytes.withUnsafeBytes {
                    sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), csqlite_transient())
                }
            case .null: status = sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw error(status, lastMessage) }
        }
    }

    /// Maps an SQLite result code to the store's error vocabulary.
    private func error(_ status: Int32, _ message: String) -> StoreError {
        switch status & 0xff {
        case SQLITE_CONSTRAINT where status == csqlite_constraint_unique() || status == csqlite_constraint_primarykey():
            return .duplicate(message)
        case SQLITE_CONSTRAINT:
            return .notFound("constraint failed: \(message)")
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .unavailable("database \(path) is locked by another process: \(message)")
        case SQLITE_FULL:
            return .unavailable("disk full while writing \(path): \(message)")
        case SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_READONLY:
            return .unavailable("cannot write \(path): \(message)")
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            return .corrupt("\(path): \(message)")
        default:
            return .unavailable("SQLite error \(status) on \(path): \(message)")
        }
    }
}

/// One result row, copied out of the statement.
struct SQLiteRow: StoredRow, Sendable {
    private let values: [SQLiteValue]

    init(statement: OpaquePointer) {
        values = (0..<sqlite3_column_count(statement)).map { column in
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
            case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(statement, column)))
            case SQLITE_BLOB:
                let count = Int(sqlite3_column_bytes(statement, column))
                guard count > 0, let base = sqlite3_column_blob(statement, column) else { return .blob([]) }
                return .blob(Array(UnsafeRawBufferPointer(start: base, count: count)))
            default: return .null
            }
        }
    }

    func int(_ column: Int) -> Int64? {
        if case .integer(let value) = values[column] { return value }
        return nil
    }

    func string(_ column: Int) -> String? {
        if case .text(let value) = values[column] { return value }
        return nil
    }

    func bool(_ column: Int) -> Bool? {
        int(column).map { $0 != 0 }
    }

    func bytes(_ column: Int) -> [UInt8] {
        if case .blob(let value) = values[column] { return value }
        return []
    }

    func date(_ column: Int) -> Date? {
        int(column).map(Date.init(sqliteMilliseconds:))
    }
}

extension Date {
    /// Milliseconds since 1970, as stored in every time column.
    var sqliteMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(sqliteMilliseconds: Int64) { self.init(timeIntervalSince1970: Double(sqliteMilliseconds) / 1000) }
}

extension SQLiteValue {
    static func date(_ date: Date?) -> SQLiteValue { date.map { .integer($0.sqliteMilliseconds) } ?? .null }
    static func optionalText(_ text: String?) -> SQLiteValue { text.map(SQLiteValue.text) ?? .null }
    static func optionalInteger(_ number: Int64?) -> SQLiteValue { number.map(SQLiteValue.integer) ?? .null }
}
