import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The promises every store backend keeps about `SettingOperations`.
@Suite("Store contract: SettingOperations")
struct SettingOperationsContractTests {
    @Test(arguments: StoreBackend.all)
    func theFirstDefaultIsStoredAndLaterDefaultsDoNotReplaceIt(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let first = try await store.transaction { try await $0.setting(named: "key", default: "one") }
        let second = try await store.transaction { try await $0.setting(named: "key", default: "two") }
        let other = try await store.transaction { try await $0.setting(named: "other", default: "") }
        #expect(first == "one")
        #expect(second == "one")
        #expect(other == "")
    }

    @Test(arguments: StoreBackend.all)
    func savedValuesReplaceEarlierOnesByteForByte(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let value = "Ünïcode 'quoted'; DROP TABLE settings;--\n\u{1F600}"
        let read = try await store.transaction { tx in
            _ = try await tx.setting(named: "feed-cache", default: "old")
            try await tx.saveSetting(named: "feed-cache", value: value)
            return try await tx.setting(named: "feed-cache", default: "unused")
        }
        let later = try await store.transaction { try await $0.setting(named: "feed-cache", default: "unused") }
        #expect(read == value)
        #expect(later == value)
    }

    @Test(arguments: StoreBackend.all)
    func aRolledBackSaveLeavesTheEarlierValue(_ backend: StoreBackend) async throws {
        struct Abort: Error {}
        let store = try await backend.make()
        try await store.transaction { try await $0.saveSetting(named: "key", value: "kept") }
        await #expect(throws: Abort.self) {
            try await store.transaction { tx in
                try await tx.saveSetting(named: "key", value: "lost")
                _ = try await tx.setting(named: "fresh", default: "lost too")
                throw Abort()
            }
        }
        let (key, fresh) = try await store.transaction { tx in
            (try await tx.setting(named: "key", default: "x"), try await tx.setting(named: "fresh", default: "new"))
        }
        #expect(key == "kept")
        #expect(fresh == "new")
    }
}
