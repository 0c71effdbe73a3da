import Foundation
import HeraldCore
import HeraldTemplates
import Hummingbird

/// The console's audit log: newest first, filtered by operator, action and UTC days, in keyset
/// pages with signed cursors.
extension ConsoleController {
    /// The actions Herald records, for the filter's choices.
    static let auditActions = [
        "console.sign_in", "console.sign_out", "digest.queue", "digest.retry", "digest.unqueue", "mail.discard",
        "mail.retry",
        "subscriber.create", "subscriber.erase", "subscriber.export", "subscription.status", "bounces.report",
    ].sorted()

    func registerAudit(on router: Router<HeraldRequestContext>) {
        router.get("/admin/audit") { request, context in try await audit(request, context) }
    }

    private func audit(_ request: Request, _ context: HeraldRequestContext) async throws -> Response {
        guard let session = try await session(of: request) else { return signInRedirect(request) }
        let query = AdminQuery(request: request, context: context)
        let filter: AuditFilter
        let typed: [String: String]
        do {
            typed = try ["actor", "action", "from", "to"].reduce(into: [:]) { values, name in
                values[name] = try query.text(name, maxLength: 64).flatMap { $0.isEmpty ? nil : $0 }
            }
            filter = try auditFilter(typed, cursor: try query.text("before", maxLength: 128))
        } catch {
            return badRequest(
                "The filter could not be read: choose an operator and an action from the lists, and days as 2026-12-03."
            )
        }
        let entries = try await AuditTrail(store: store).entries(filter)
        let next = entries.count == filter.limit ? entries.last.map { nextAuditURL(request, before: $0.id) } : nil
        let page = ConsoleAuditPage(
            frame: frame(session), operators: operatorNames.sorted(), actions: Self.auditActions,
            actor: typed["actor"] ?? "", action: typed["action"] ?? "", from: typed["from"] ?? "",
            to: typed["to"] ?? "", rows: entries.map(Self.auditRow), nextURL: next)
        return ConsoleResponses.html(templates.consoleAuditPage(page))
    }

    private struct BadFilter: Error {}

    private func auditFilter(_ typed: [String: String], cursor: String?) throws -> AuditFilter {
        func day(_ name: String) throws -> Date? {
            guard let text = typed[name] else { return nil }
            guard let date = AdminDates.day(text) else { throw BadFilter() }
            return date
        }
        var beforeID: Int64?
        if let cursor { beforeID = try cursors.decode(cursor, scope: "console-audit") }
        return AuditFilter(
            actor: typed["actor"], action: typed["action"], from: try day("from"),
            before: try day("to").map { $0.addingTimeInterval(86_400) }, beforeID: beforeID, limit: Self.pageSize)
    }

    private func nextAuditURL(_ request: Request, before id: Int64) -> String {
        var items = URLComponents()
        items.queryItems =
            ["actor", "action", "from", "to"].compactMap { name in
                request.uri.queryParameters.get(name).map { URLQueryItem(name: name, value: $0) }
            } + [URLQueryItem(name: "before", value: cursors.encode(id, scope: "console-audit"))]
        return site.baseURL + "/admin/audit?" + (items.percentEncodedQuery ?? "")
    }

    private static func auditRow(_ entry: AuditEntry) -> [String] {
        let details = AuditEntryView(entry).detail.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        return [
            ConsoleDates.minute(entry.occurredAt), entry.actor, entry.action, entry.target ?? "—",
            details.isEmpty ? "—" : details.joined(separator: "; "),
        ]
    }
}
