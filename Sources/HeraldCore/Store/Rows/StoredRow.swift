import Foundation

/// One result row as a store backend read it, with lenient typed column access.
///
/// Each accessor returns nil (or no bytes) when the column is NULL or holds another type. The SQLite
/// and PostgreSQL backends conform their row types, so turning the columns of a query into a model
/// value — defaults for missing values, validation of stored enum names — is written once, in the
/// `init(stored:)` initialisers beside this file, and every backend only selects the columns in the
/// order those initialisers document.
package protocol StoredRow {
    /// The column as a 64-bit integer.
    func int(_ column: Int) -> Int64?
    /// The column as text.
    func string(_ column: Int) -> String?
    /// The column as a boolean (SQLite stores 0 or 1).
    func bool(_ column: Int) -> Bool?
    /// The column as a time (stored as milliseconds since 1970).
    func date(_ column: Int) -> Date?
    /// The column as bytes; empty when NULL.
    func bytes(_ column: Int) -> [UInt8]
}

extension Sequence where Element: StoredRow {
    /// Rows of (state name, count) as a dictionary; rows naming an unknown state are skipped.
    package func countsByState<State: RawRepresentable & Hashable>(_: State.Type = State.self) -> [State: Int]
    where State.RawValue == String {
        var counts: [State: Int] = [:]
        for row in self {
            if let state = State(rawValue: row.string(0) ?? "") { counts[state] = Int(row.int(1) ?? 0) }
        }
        return counts
    }
}
