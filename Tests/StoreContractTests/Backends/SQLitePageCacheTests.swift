import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldSQLite

/// `digest send` opens its store with a 1 MiB page cache (issue #21 target 4); every other command and
/// the server keep SQLite's default.
@Suite("SQLite page cache")
struct SQLitePageCacheTests {
    @Test func aStoreOpenedWithAPageCacheSizeUsesIt() async throws {
        let store = try SQLiteStore(path: TemporaryPath.make(suffix: ".sqlite"), pageCacheKiB: 1024)
        #expect(try await cacheSize(store) == -1024)  // negative: KiB, positive: pages
    }

    @Test func aStoreOpenedWithoutOneKeepsSQLitesDefault() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let bare = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 100)
        let sqliteDefault = try #require(try bare.query("PRAGMA cache_size").first?.int(0))
        let store = try SQLiteStore(path: TemporaryPath.make(suffix: ".sqlite"))
        #expect(try await cacheSize(store) == sqliteDefault)
        #expect(sqliteDefault != -1024)
    }

    @Test func aSizeBelowOneKiBIsRaisedToOne() async throws {
        let store = try SQLiteStore(path: TemporaryPath.make(suffix: ".sqlite"), pageCacheKiB: 0)
        #expect(try await cacheSize(store) == -1)
    }

    private func cacheSize(_ store: SQLiteStore) async throws -> Int64? {
        try await store.migrate()
        return try await store.transaction { transaction in
            try #require(transaction as? SQLiteTransaction).connection.query("PRAGMA cache_size").first?.int(0)
        }
    }
}
