import Foundation
import HeraldCore
import PostgresNIO

/// A value bound to a PostgreSQL statement parameter.
enum PostgresValue: Sendable {
    case integer(Int64)
    case text(String)
    case bool(Bool)
    case bytes([UInt8])
    case integers([Int64])
    case texts([String])
    case null

    static func date(_ date: Date?) -> PostgresValue { date.map { .integer($0.storedMilliseconds) } ?? .null }
    static func optionalText(_ text: String?) -> PostgresValue { text.map(PostgresValue.text) ?? .null }
    static func optionalInteger(_ number: Int64?) -> PostgresValue { number.map(PostgresValue.integer) ?? .null }
}

extension PostgresBindings {
    init(_ values: [PostgresValue]) {
        self.init(capacity: values.count)
        for value in values {
            switch value {
            case .integer(let number): append(number)
            case .text(let text): append(text)
            case .bool(let flag): append(flag)
            case .bytes(let bytes): append(ByteBuffer(bytes: bytes))
            case .integers(let numbers): append(numbers)
            case .texts(let texts): append(texts)
            case .null: appendNull()
            }
        }
    }
}

/// One result row with lenient, typed column access (nil when the column is NULL or of another type).
struct PostgresStoredRow: StoredRow, Sendable {
    private let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    func int(_ column: Int) -> Int64? { (try? row[column].decode(Int64?.self)) ?? nil }
    func string(_ column: Int) -> String? { (try? row[column].decode(String?.self)) ?? nil }
    func bool(_ column: Int) -> Bool? { (try? row[column].decode(Bool?.self)) ?? nil }
    func date(_ column: Int) -> Date? { int(column).map(Date.init(storedMilliseconds:)) }

    func bytes(_ column: Int) -> [UInt8] {
        guard let buffer = (try? row[column].decode(ByteBuffer?.self)) ?? nil else { return [] }
        return Array(buffer.readableBytesView)
    }
}

extension Date {
    /// Milliseconds since 1970, as stored in every time column (the same representation as SQLite).
    var storedMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(storedMilliseconds: Int64) { self.init(timeIntervalSince1970: Double(storedMilliseconds) / 1000) }
}
