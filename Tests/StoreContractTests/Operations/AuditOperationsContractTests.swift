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
