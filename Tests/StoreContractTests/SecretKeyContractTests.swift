import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Keys moved out of the database: a setting can be taken (deleted, value returned) once, and an
/// installed erasure key replaces the one in settings for every suppression hash.
@Suite("Store contract: secret keys")
struct SecretKeyContractTests {
    @Test(arguments: StoreBackend.all)
    func aSettingIsTakenOnceAndThenAbsent(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let (taken, again, missing) = try await store.transaction { tx in
            _ = try await tx.setting(named: "manage_link_secret", default: "legacy-key-0123456789")
            return (
                try await tx.takeSetting(named: "manage_link_secret"),
                try await tx.takeSetting(named: "manage_link_secret"),
                try await tx.takeSetting(named: "never-stored")
            )
        }
        #expect(taken == "legacy-key-0123456789" && again == nil && missing == nil)
        let recreated = try await store.transaction {
            try await $0.setting(named: "manage_link_secret", default: "new")
        }
        #expect(recreated == "new")
    }

    @Test(arguments: StoreBackend.all)
    func anInstalledErasureKeyHashesInsteadOfTheStoredOne(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        guard let slot = store.erasureKeySlot else { return }  // the reference store keeps settings only
        slot.install("erasure-key-from-the-file-0123456789abcdef")
        let (hash, stored) = try await store.transaction { tx in
            (
                try await SuppressionHasher.current(in: tx).hash(canonicalKey: "jane@example.org"),
                try await tx.takeSetting(named: SuppressionHasher.keySetting)
            )
        }
        let expected = SuppressionHasher(secret: "erasure-key-from-the-file-0123456789abcdef")
        #expect(hash == expected.hash(canonicalKey: "jane@example.org"))
        #expect(stored == nil, "the hasher wrote a key into the database although one was installed")
    }
}
