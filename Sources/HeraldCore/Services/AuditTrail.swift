import Foundation

/// Records an operator's action that changes nothing else in the store (an export, an import's
/// summary) in its own transaction. Actions that change data write their entry in the change's
/// transaction instead (see the services that make them).
public struct AuditTrail: Sendable {
    let store: ScopedStore<any AuditOperations>
    let now: @Sendable () -> Date

    public init(store: any SubscriberStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = ScopedStore(store) { $0 }
        self.now = now
    }

    /// Appends one entry; `detail` values that are nil are left out.
    public func record(actor: String, action: String, target: String?, detail: [String: String?] = [:]) async throws {
        let entry = NewAuditEntry(
            actor: actor, action: action, target: target, detailJSON: AuditDetail.json(detail), occurredAt: now())
        _ = try await store.transaction { try await $0.appendAudit(entry) }
    }
}

extension AuditTrail {
    /// Up to `limit` entries with an id below `beforeID` (all when nil), newest first.
    public func entries(beforeID: Int64?, limit: Int) async throws -> [AuditEntry] {
        try await store.transaction { try await $0.auditEntries(beforeID: beforeID, limit: limit) }
    }

    /// The entries `filter` selects, newest first.
    public func entries(_ filter: AuditFilter) async throws -> [AuditEntry] {
        try await store.transaction { try await $0.auditEntries(filter) }
    }
}
