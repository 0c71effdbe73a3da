import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The promises every store backend keeps about `AuditOperations`.
@Suite("Store contract: AuditOperations")
struct AuditOperationsContractTests {
    @Test(arguments: StoreBackend.all)
    func auditEntriesAreListedNewestFirstAndRolledBackWithTheirTransaction(_ backend: StoreBackend) async throws {
        struct Abort: Error {}
        let store = try await backend.makeWithNewsletters()
        for action in ["a.one", "a.two", "a.three"] {
            _ = try await store.transaction { tx in
                try await tx.appendAudit(
                    NewAuditEntry(
                        actor: "ops", action: action, target: "subscriber:1",
                        detailJSON: #"{"note":"'; DROP TABLE audit_log;--"}"#, occurredAt: Fixtures.now))
            }
        }
        await #expect(throws: Abort.self) {
            try await store.transaction { tx in
                _ = try await tx.appendAudit(
                    NewAuditEntry(actor: "ops", action: "lost", target: nil, occurredAt: Fixtures.now))
                throw Abort()
            }
        }
        let all = try await store.transaction { try await $0.auditEntries(beforeID: nil, limit: 10) }
        #expect(all.map(\.action) == ["a.three", "a.two", "a.one"])
        #expect(all[0].detailJSON == #"{"note":"'; DROP TABLE audit_log;--"}"#)
        #expect(all[0].occurredAt == Fixtures.now && all[0].actor == "ops" && all[0].target == "subscriber:1")
        let older = try await store.transaction { try await $0.auditEntries(beforeID: all[0].id, limit: 1) }
        #expect(older.map(\.action) == ["a.two"])
    }
}

extension AuditOperationsContractTests {
    @Test(arguments: StoreBackend.all)
    func auditEntriesAreFilteredByOperatorActionAndTime(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let entries: [(String, String, Double)] = [
            ("olena", "subscriber.erase", 0), ("ops", "subscriber.erase", 3600), ("olena", "mail.retry", 7200),
            ("olena", "subscriber.erase", 10_800), ("o'; --", "subscriber.erase", 10_800),
        ]
        try await store.transaction { tx in
            for (actor, action, offset) in entries {
                _ = try await tx.appendAudit(
                    NewAuditEntry(
                        actor: actor, action: action, target: nil, occurredAt: Fixtures.now.addingTimeInterval(offset)))
            }
        }
        func read(_ filter: AuditFilter) async throws -> [String] {
            try await store.transaction { try await $0.auditEntries(filter) }.map {
                "\($0.actor) \($0.action) \(Int($0.occurredAt.timeIntervalSince(Fixtures.now)))"
            }
        }
        #expect(
            try await read(AuditFilter(actor: "olena", limit: 10)) == [
                "olena subscriber.erase 10800", "olena mail.retry 7200", "olena subscriber.erase 0",
            ])
        #expect(
            try await read(AuditFilter(actor: "olena", action: "subscriber.erase", limit: 10)) == [
                "olena subscriber.erase 10800", "olena subscriber.erase 0",
            ])
        #expect(
            try await read(
                AuditFilter(
                    from: Fixtures.now.addingTimeInterval(3600), before: Fixtures.now.addingTimeInterval(10_800),
                    limit: 10)) == ["olena mail.retry 7200", "ops subscriber.erase 3600"])
        #expect(try await read(AuditFilter(actor: "o'; --", limit: 10)) == ["o'; -- subscriber.erase 10800"])
        let newest = try await store.transaction { try await $0.auditEntries(AuditFilter(actor: "olena", limit: 1)) }
        let next = try await read(AuditFilter(actor: "olena", beforeID: newest.first?.id, limit: 1))
        #expect(next == ["olena mail.retry 7200"])
    }
}
