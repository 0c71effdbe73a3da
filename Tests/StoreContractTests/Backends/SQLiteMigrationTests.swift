import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldSQLite

/// SQLite-specific promises: migrations are repeatable and upgrade older files.
@Suite("SQLite migrations")
struct SQLiteMigrationTests {
    @Test func migratingTwiceIsHarmless() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        _ = try await store.transaction { try await $0.insertSubscriber(Fixtures.newSubscriber("a@example.org")) }
        try await store.migrate()
        let count = try await store.transaction { try await $0.subscriberCount() }
        #expect(count == 1)
    }

    @Test func anOlderDatabaseUpgradesAndKeepsItsRows() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let old = try SQLiteStore(path: path)
        try await old.migrate(upTo: 1)
        _ = try SQLiteConnection(path: path).query(OlderSchema.insertSubscriber("a@example.org"))
        let reopened = try SQLiteStore(path: path)
        try await reopened.migrate()
        let version = try await reopened.schemaVersion()
        let subscriber = try await reopened.transaction { try await $0.subscriber(canonicalKey: "a@example.org") }
        #expect(version >= 1)
        #expect(subscriber?.email == "a@example.org")
        #expect(subscriber?.language == nil)
    }

    @Test func aFileThatIsNotADatabaseGivesAClearError() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        try Data("this is not sqlite, just text that is long enough to look like a header".utf8)
            .write(to: URL(fileURLWithPath: path))
        await #expect(throws: StoreError.self) {
            let store = try SQLiteStore(path: path)
            try await store.migrate()
        }
    }
}
