import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldSQLite

/// The store's connection keeps temporary storage in a file, so a statement journal larger than
/// SQLite's 64 KiB spill threshold leaves memory (issue #21 target 3: with `temp_store = MEMORY`,
/// SQLite held 10–17 MB outside its page cache while importing 300,000 rows, by `sqlite3_status`). The
/// import contract tests (`SubscriberImportOperationsContractTests`, batches of four) run through
/// this store's temporary file on every SQLite case.
@Suite("SQLite temporary storage")
struct SQLiteTemporaryStorageTests {
    @Test func theStoresConnectionSpillsTemporaryDataToAFile() async throws {
        let store = try SQLiteStore(path: TemporaryPath.make(suffix: ".sqlite"))
        try await store.migrate()
        let mode = try await store.transaction { transaction in
            try #require(transaction as? SQLiteTransaction).connection.query("PRAGMA temp_store").first?.int(0)
        }
        #expect(mode == 1)  // 0 default, 1 file, 2 memory
    }
}
