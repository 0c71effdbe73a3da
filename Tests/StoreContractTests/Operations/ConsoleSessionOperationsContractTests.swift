import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Console sessions are found by their id digest while live, expire absolutely and when idle,
/// and end at sign-out or when their operator's token is removed.
@Suite("Store contract: operator console sessions")
struct ConsoleSessionOperationsContractTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let limits = ConsoleSessionLimits(absolute: 12 * 3600, idle: 30 * 60)

    func session(_ hash: String, _ name: String = "alice", at time: Date? = nil) -> ConsoleSession {
        ConsoleSession(idHash: hash, operatorName: name, createdAt: time ?? now, lastSeenAt: time ?? now)
    }

    func use(_ store: any SubscriberStore, _ hash: String, at time: Date) async throws -> ConsoleSession? {
        let limits = limits
        return try await store.transaction { try await $0.useConsoleSession(idHash: hash, at: time, limits: limits) }
    }

    @Test(arguments: StoreBackend.all)
    func aLiveSessionIsFoundAndTouched(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await store.transaction { try await $0.createConsoleSession(session("a1")) }
        let later = now.addingTimeInterval(600)
        let found = try await use(store, "a1", at: later)
        #expect(found == ConsoleSession(idHash: "a1", operatorName: "alice", createdAt: now, lastSeenAt: later))
        let unknown = try await store.transaction {
            try await $0.useConsoleSession(idHash: "zz", at: later, limits: limits)
        }
        #expect(unknown == nil)
    }

    @Test(arguments: StoreBackend.all)
    func aDuplicateIdIsRefused(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await store.transaction { try await $0.createConsoleSession(session("a1")) }
        await #expect(throws: StoreError.self) {
            try await store.transaction { try await $0.createConsoleSession(session("a1", "bob")) }
        }
        let kept = try await use(store, "a1", at: now)
        #expect(kept?.operatorName == "alice")
    }

    @Test(arguments: StoreBackend.all)
    func anIdleSessionExpires(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await store.transaction { try await $0.createConsoleSession(session("a1")) }
        // Used every 29 minutes it lives on; 30 minutes without use end it.
        var time = now
        for _ in 0..<4 {
            time = time.addingTimeInterval(29 * 60)
            #expect(try await use(store, "a1", at: time) != nil)
        }
        let idle = time.addingTimeInterval(30 * 60)
        #expect(try await use(store, "a1", at: idle) == nil)
        // Gone for good, even if asked about at an earlier time.
        #expect(try await use(store, "a1", at: time) == nil)
    }

    @Test(arguments: StoreBackend.all)
    func aBusySessionEndsAtItsAbsoluteLifetime(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await store.transaction { try await $0.createConsoleSession(session("a1")) }
        var time = now
        while time < now.addingTimeInterval(12 * 3600 - 20 * 60) {
            time = time.addingTimeInterval(20 * 60)
            #expect(try await use(store, "a1", at: time) != nil)
        }
        let end = now.addingTimeInterval(12 * 3600)
        #expect(try await use(store, "a1", at: end) == nil)
    }

    @Test(arguments: StoreBackend.all)
    func expiredSessionsOfOthersAreDeletedToo(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await store.transaction { tx in
            try await tx.createConsoleSession(session("old"))
            try await tx.createConsoleSession(session("new", at: now.addingTimeInterval(3600)))
        }
        let later = now.addingTimeInterval(3600 + 60)
        _ = try await use(store, "new", at: later)
        // "old" was idle for an hour: deleted, so removing every operator finds only "new".
        #expect(try await store.transaction { try await $0.deleteConsoleSessions(keepingOperators: []) } == 1)
    }

    @Test(arguments: StoreBackend.all)
    func signOutDeletesOnlyThatSession(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await store.transaction { tx in
            try await tx.createConsoleSession(session("a1"))
            try await tx.createConsoleSession(session("a2"))
        }
        #expect(try await store.transaction { try await $0.deleteConsoleSession(idHash: "a1") })
        #expect(!(try await store.transaction { try await $0.deleteConsoleSession(idHash: "a1") }))
        #expect(try await use(store, "a1", at: now) == nil)
        #expect(try await use(store, "a2", at: now) != nil)
    }

    @Test(arguments: StoreBackend.all)
    func removingATokenEndsItsSessions(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let hostile = "eve'); DROP TABLE console_sessions; --"
        try await store.transaction { tx in
            try await tx.createConsoleSession(session("a1", "alice"))
            try await tx.createConsoleSession(session("b1", "bob"))
            try await tx.createConsoleSession(session("b2", "bob"))
            try await tx.createConsoleSession(session("e1", hostile))
        }
        let removed = try await store.transaction {
            try await $0.deleteConsoleSessions(keepingOperators: ["alice", hostile])
        }
        #expect(removed == 2)
        #expect(try await use(store, "a1", at: now) != nil)
        #expect(try await use(store, "e1", at: now) != nil)
        #expect(try await use(store, "b2", at: now) == nil)
    }
}
