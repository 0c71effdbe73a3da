import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Console sessions as the console's every request sees them.
@Suite("Console session service")
struct ConsoleSessionServiceTests {
    let store = InMemoryStore()
    let clock = LockedBox(Fixtures.now)
    let limits = ConsoleSessionLimits(absolute: 3_600, idle: 600)

    var sessions: ConsoleSessionService {
        let clock = clock
        return ConsoleSessionService(store: store, now: { clock.value })
    }

    @Test func aLiveSessionIsFoundAndItsLastUseMoves() async throws {
        try await sessions.open(idHash: "h1", operatorName: "anna")
        clock.value = Fixtures.now.addingTimeInterval(500)
        let found = try await sessions.use(idHash: "h1", limits: limits, operatorNames: ["anna"])
        #expect(found?.operatorName == "anna" && found?.lastSeenAt == clock.value)
        clock.value = Fixtures.now.addingTimeInterval(1_000)  // 500 s after the last use: still live
        #expect(try await sessions.use(idHash: "h1", limits: limits, operatorNames: ["anna"]) != nil)
        #expect(try await sessions.use(idHash: "other", limits: limits, operatorNames: ["anna"]) == nil)
    }

    @Test func anIdleOrTooOldSessionIsGone() async throws {
        try await sessions.open(idHash: "idle", operatorName: "anna")
        clock.value = Fixtures.now.addingTimeInterval(600)
        #expect(try await sessions.use(idHash: "idle", limits: limits, operatorNames: ["anna"]) == nil)
        clock.value = Fixtures.now
        try await sessions.open(idHash: "old", operatorName: "anna")
        for minutes in stride(from: 5, through: 55, by: 5) {
            clock.value = Fixtures.now.addingTimeInterval(Double(minutes) * 60)
            #expect(try await sessions.use(idHash: "old", limits: limits, operatorNames: ["anna"]) != nil)
        }
        clock.value = Fixtures.now.addingTimeInterval(3_600)
        #expect(try await sessions.use(idHash: "old", limits: limits, operatorNames: ["anna"]) == nil)
    }

    @Test func aSessionOfARemovedOperatorIsDeleted() async throws {
        try await sessions.open(idHash: "h1", operatorName: "anna")
        #expect(try await sessions.use(idHash: "h1", limits: limits, operatorNames: ["kim"]) == nil)
        // Deleted, not only refused: putting the token back does not revive the session.
        #expect(try await sessions.use(idHash: "h1", limits: limits, operatorNames: ["anna", "kim"]) == nil)
        let entries = try await store.transaction { try await $0.auditEntries(beforeID: nil, limit: 10) }
        #expect(entries.map(\.action) == ["console.sign_in"])
    }
}
