import Foundation
import HeraldCore
import Hummingbird

/// `GET/POST /api/v1/subscribers`, `GET/PATCH /api/v1/subscribers/{id}`: search with cursor pages, one
/// subscriber in full, adding one (pending with a confirmation mail, or confirmed with a consent note),
/// and changing one's language.
struct AdminSubscribersController: Sendable {
    let store: any SubscriberStore
    let service: SubscriptionService
    let emailPolicy: EmailValidationPolicy
    let newsletters: [Newsletter]
    let cursors: PageCursor
    let maxBodyBytes: Int

    func register(on group: RouterGroup<HeraldRequestContext>) {
        group.get("/subscribers") { request, context in try await list(AdminQuery(request: request, context: context)) }
        group.post("/subscribers") { request, context in try await create(request, context) }
        group.get("/subscribers/:id") { request, context in
            try await detail(try AdminQuery(request: request, context: context).id("id"))
        }
        group.patch("/subscribers/:id") { request, context in try await update(request, context) }
    }

    private func list(_ query: AdminQuery) async throws -> Response {
        let newsletter = try query.text("newsletter", maxLength: 64)
        if let newsletter, !newsletters.contains(where: { $0.slug == newsletter }) {
            throw AdminError.badRequest("unknown_newsletter", "'newsletter' names no configured newsletter.")
        }
        let search = SubscriberSearch(
            addressContains: try query.text("q", maxLength: 254).flatMap { $0.isEmpty ? nil : $0 },
            status: try query.status("status"), newsletter: newsletter,
            createdFrom: try query.date("created_from"), createdBefore: try query.date("created_before"),
            afterID: try query.cursor(cursors, scope: "subscribers") ?? 0, limit: try query.limit())
        let page = try await SubscriberDirectory(store: store).search(search)
            .map { AdminSubscriberView($0.subscriber, $0.subscriptions) }
        let next = page.count == search.limit ? page.last.map { cursors.encode($0.id, scope: "subscribers") } : nil
        return AdminJSON.response(AdminPage(items: page, nextCursor: next))
    }

    private func detail(_ id: Int64) async throws -> Response {
        let view = try await SubscriberDirectory(store: store).record(id: id).map { record in
            AdminSubscriberDetailView(
                subscriber: AdminSubscriberView(record.subscriber, record.subscriptions),
                consentHistory: record.consentHistory.map(AdminConsentView.init),
                suppression: record.suppression.map(AdminSuppressionView.init))
        }
        guard let view else { throw AdminError.notFound("subscriber_not_found", "No subscriber has id \(id).") }
        return AdminJSON.response(view)
    }

    private func create(_ request: Request, _ context: HeraldRequestContext) async throws -> Response {
        let body = try await AdminRequestBody.read(
            request, limit: maxBodyBytes,
            allowed: ["email", "name", "newsletters", "status", "consent_note", "language"])
        let add = try AdminSubscriberInput.parse(
            body, emailPolicy: emailPolicy, newsletters: newsletters, actor: context.actor)
        let subscriber = try await service.adminAdd(add)
        let response = try await detail(subscriber.id)
        return Response(status: .created, headers: response.headers, body: response.body)
    }

    /// `{"language": "uk"}` stores a language the subscriber's newsletters offer; `null` goes back
    /// to the newsletter's. Answers the subscriber in full.
    private func update(_ request: Request, _ context: HeraldRequestContext) async throws -> Response {
        let id = try AdminQuery(request: request, context: context).id("id")
        let body = try await AdminRequestBody.read(request, limit: maxBodyBytes, allowed: ["language"])
        let language: String?
        switch body.value("language") {
        case nil: throw AdminError.invalid("missing_field", "'language' is required (a language tag, or null).")
        case .null?: language = nil
        case .string(let text)?: language = text
        default: throw AdminError.invalid("invalid_type", "'language' must be a string or null.")
        }
        do {
            _ = try await service.adminSetLanguage(subscriberID: id, language: language, actor: context.actor)
        } catch let error as UnknownLanguageError {
            throw AdminError.unknownLanguage(error)
        }
        return try await detail(id)
    }
}
