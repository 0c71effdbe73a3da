import Foundation
import HeraldCore
import Hummingbird

/// `PATCH /api/v1/subscribers/{id}/subscriptions/{newsletter}`: confirm (with a consent note) or
/// unsubscribe one subscription, with consent event, webhook event and audit entry.
struct AdminSubscriptionController: Sendable {
    let service: SubscriptionService
    let maxBodyBytes: Int

    func register(on group: RouterGroup<HeraldRequestContext>) {
        group.patch("/subscribers/:id/subscriptions/:newsletter") { request, context in
            try await change(request, context)
        }
    }

    private func change(_ request: Request, _ context: HeraldRequestContext) async throws -> Response {
        let id = try AdminQuery(request: request, context: context).id("id")
        let slug = context.parameters.get("newsletter") ?? ""
        let body = try await AdminRequestBody.read(request, limit: maxBodyBytes, allowed: ["status", "note"])
        let note = try body.string("note", maxLength: 1000)?.trimmingCharacters(in: .whitespaces)
        let status: SubscriptionStatus
        switch try body.string("status", required: true, maxLength: 16) {
        case "confirmed":
            guard let note, !note.isEmpty else {
                throw AdminError.invalid(
                    "consent_note_required", "Confirming by hand needs 'note': where and how the person consented.")
            }
            status = .confirmed
        case "unsubscribed": status = .unsubscribed
        default: throw AdminError.invalid("invalid_status", "'status' must be confirmed or unsubscribed.")
        }
        let subscription = try await service.adminSetStatus(
            subscriberID: id, newsletter: slug, status: status, note: note?.isEmpty == true ? nil : note,
            actor: context.actor)
        return AdminJSON.response(AdminSubscriptionView(subscription))
    }
}
