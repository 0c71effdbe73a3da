import Foundation
import HeraldCore
import Hummingbird

/// `GET /api/v1/audit`: the admin audit log, newest first, in cursor pages.
struct AdminAuditController: Sendable {
    let store: any SubscriberStore
    let cursors: PageCursor

    func register(on group: RouterGroup<HeraldRequestContext>) {
        group.get("/audit") { request, context in try await list(AdminQuery(request: request, context: context)) }
    }

    private func list(_ query: AdminQuery) async throws -> Response {
        let before = try query.cursor(cursors, scope: "audit")
        let limit = try query.limit(fallback: 50, maximum: 200)
        let entries = try await AuditTrail(store: store).entries(beforeID: before, limit: limit)
        let next = entries.count == limit ? entries.last.map { cursors.encode($0.id, scope: "audit") } : nil
        return AdminJSON.response(AdminPage(items: entries.map(AuditEntryView.init), nextCursor: next))
    }
}

/// One audit entry; `detail` is the stored JSON object.
struct AuditEntryView: Encodable {
    let id: Int64
    let actor: String
    let action: String
    let target: String?
    let detail: [String: String]
    let occurredAt: Date

    init(_ entry: AuditEntry) {
        id = entry.id
        actor = entry.actor
        action = entry.action
        target = entry.target
        detail = (try? JSONDecoder().decode([String: String].self, from: Data(entry.detailJSON.utf8))) ?? [:]
        occurredAt = entry.occurredAt
    }

    enum CodingKeys: String, CodingKey {
        case id, actor, action, target, detail
        case occurredAt = "occurred_at"
    }
}
