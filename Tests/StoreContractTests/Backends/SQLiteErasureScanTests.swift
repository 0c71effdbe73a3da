import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldSQLite

/// Reads every column of every table of an SQLite file after an erasure, so a table added later
/// that keeps personal data fails here until `eraseSubscriber` clears it too.
@Suite("SQLite erasure leaves no trace")
struct SQLiteErasureScanTests {
    @Test func noColumnOfAnyTableMentionsTheErasedPerson() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        let (erin, _) = try await ErasureContractTests.seed(store)
        #expect(try await Self.tablesMentioning("erin", in: path).count > 3)
        try await SubscriberAdministration(store: store).erase(subscriberID: erin, actor: "api:newsroom")
        #expect(try await Self.tablesMentioning("erin", in: path) == [])
        #expect(try await Self.tablesMentioning("kim@example.org", in: path).contains("subscribers.email"))
    }

    /// A checkpoint leaves the erased bytes nowhere in the file or its log while the connection is
    /// still open (a stopping `herald serve` cannot rely on the connection closing first).
    @Test func aCheckpointLeavesNoErasedByteInTheFileWhileTheStoreIsOpen() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        let (erin, _) = try await ErasureContractTests.seed(store)
        try await store.checkpoint()
        #expect(Self.rawBytes(path).contains("erin"))
        try await SubscriberAdministration(store: store).erase(subscriberID: erin, actor: "api:newsroom")
        try await store.checkpoint()
        #expect(!Self.rawBytes(path).contains("erin"))
        #expect(Self.rawBytes(path).contains("kim@example.org"))
        #expect((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0 == 0)
        try await store.ping()  // still usable
    }

    /// The database file and its write-ahead log as Latin-1 text (every byte one character).
    static func rawBytes(_ path: String) -> String {
        [path, path + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }
            .map { String(decoding: $0.map { UInt16($0) }, as: UTF16.self) }.joined()
    }

    /// "table.column" for every column holding `needle` (case-insensitive), blobs included.
    static func tablesMentioning(_ needle: String, in path: String) async throws -> [String] {
        let connection = try SQLiteConnection(path: path)
        let tables = try connection.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap {
            $0.string(0)
        }
        var found: [String] = []
        for table in tables {
            let columns = try connection.query("SELECT name FROM pragma_table_info(?)", [.text(table)]).compactMap {
                $0.string(0)
            }
            for column in columns {
                let sql = "SELECT count(*) FROM \"\(table)\" WHERE instr(lower(CAST(\"\(column)\" AS TEXT)), ?) > 0"
                if let hits = try connection.query(sql, [.text(needle.lowercased())]).first?.int(0), hits > 0 {
                    found.append("\(table).\(column)")
                }
            }
        }
        return found
    }
}
