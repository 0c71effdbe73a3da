import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The suppression list: upsert by hash, batch lookup, lifting, and the erasure rule.
@Suite("Store contract: SuppressionOperations")
struct SuppressionOperationsContractTests {
    static func entry(_ hash: String, _ reason: SuppressionReason, at offset: TimeInterval = 0) -> SuppressionEntry {
        SuppressionEntry(
            addressHash: hash, reason: reason, detail: "detail 'quoted'; DROP TABLE--",
            createdAt: Fixtures.now.addingTimeInterval(offset))
    }

    @Test(arguments: StoreBackend.all)
    func suppressReadsBackReplacesAndLifts(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let (first, replaced, batch, count) = try await store.transaction { tx in
            try await tx.suppress(Self.entry("aa", .hardBounce))
            let first = try await tx.suppression(addressHash: "aa")
            try await tx.suppress(Self.entry("aa", .complaint, at: 60))
            try await tx.suppress(Self.entry("bb", .erased))
            let replaced = try await tx.suppression(addressHash: "aa")
            let batch = try await tx.suppressions(addressHashes: ["aa", "zz", "bb", "aa"])
            return (first, replaced, batch, try await tx.suppressionCount())
        }
        #expect(first == Self.entry("aa", .hardBounce))
        #expect(replaced == Self.entry("aa", .complaint, at: 60))
        #expect(batch == ["aa": Self.entry("aa", .complaint, at: 60), "bb": Self.entry("bb", .erased)])
        #expect(count == 2)
        let (lifted, again, gone) = try await store.transaction { tx in
            (
                try await tx.removeSuppression(addressHash: "aa"), try await tx.removeSuppression(addressHash: "aa"),
                try await tx.suppression(addressHash: "aa")
            )
        }
        #expect(lifted && !again && gone == nil)
        #expect(try await store.transaction { try await $0.suppressions(addressHashes: []) }.isEmpty)
    }

    @Test(arguments: StoreBackend.all)
    func aRolledBackSuppressionLeavesNothing(_ backend: StoreBackend) async throws {
        struct Abort: Error {}
        let store = try await backend.make()
        await #expect(throws: Abort.self) {
            try await store.transaction { tx in
                try await tx.suppress(Self.entry("aa", .admin))
                throw Abort()
            }
        }
        #expect(try await store.transaction { try await $0.suppressionCount() } == 0)
    }

    @Test(arguments: StoreBackend.all)
    func theListHashesCanonicalKeysWithAStoredSecret(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let list = SuppressionList(store: store, now: { Fixtures.now })
        let typed = try EmailAddress(validating: "Jane.Doe@Example.ORG")
        try await list.suppress(typed, reason: .hardBounce, detail: "550 5.1.1 user unknown")
        #expect(try await list.isSuppressed(EmailAddress(validating: "jane.doe@example.org")))
        #expect(!(try await list.isSuppressed(EmailAddress(validating: "john@example.org"))))
        let hasher = try await store.transaction { try await SuppressionHasher.current(in: $0) }
        let stored = try await store.transaction { try await $0.suppression(addressHash: hasher.hash(typed)) }
        #expect(stored?.reason == .hardBounce)
        #expect(stored?.addressHash.count == 64)
        #expect(stored?.addressHash.contains("jane") == false)
        #expect(try await list.lift(typed))
        #expect(!(try await list.isSuppressed(typed)))
    }

    @Test(arguments: StoreBackend.all)
    func anErasureNeverWeakensABounceOrComplaint(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let list = SuppressionList(store: store, now: { Fixtures.now })
        let address = try EmailAddress(validating: "jane@example.org")
        try await list.suppress(address, reason: .complaint, detail: "feedback report")
        try await list.suppress(address, reason: .erased, detail: "erased by test")
        #expect(try await list.entry(for: address)?.reason == .complaint)
        try await list.suppress(address, reason: .hardBounce, detail: nil)
        #expect(try await list.entry(for: address)?.reason == .hardBounce)
    }
}

@Suite("Suppression hasher")
struct SuppressionHasherTests {
    @Test func hashIsTheStandardHMACAndRepeatable() throws {
        let hasher = SuppressionHasher(secret: "secret-one")
        let first = hasher.hash(canonicalKey: "jane@example.org")
        #expect(first == hasher.hash(canonicalKey: "jane@example.org"))
        // RFC 2104 HMAC-SHA256("secret-one", "jane@example.org"), computed with Python's hmac module.
        #expect(first == "1c2287712cf928eac29185193bce092bacf39f2177012be582d193d1b93b533d")
        #expect(first != SuppressionHasher(secret: "secret-two").hash(canonicalKey: "jane@example.org"))
        #expect(first != hasher.hash(canonicalKey: "jane@example.com"))
    }
}
