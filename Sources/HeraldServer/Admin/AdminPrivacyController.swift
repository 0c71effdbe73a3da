import Foundation
import HeraldCore
import Hummingbird

/// GDPR endpoints: `DELETE /api/v1/subscribers/{id}` erases the person (keeping only a keyed hash
/// on the suppression list) and `GET /api/v1/subscribers/{id}/export` returns everything held
/// about them. Both write an audit entry in the same transaction.
struct AdminPrivacyController: Sendable {
    let store: any SubscriberStore
    let now: @Sendable () -> Date
    /// Where the `subscriber.erased` event goes (in the erasure's transaction).
    var webhooks = WebhookPublisher.none

    func register(on group: RouterGroup<HeraldRequestContext>) {
        group.delete("/subscribers/:id") { request, context in
            try await erase(try AdminQuery(request: request, context: context).id("id"), actor: context.actor)
        }
        group.get("/subscribers/:id/export") { request, context in
            try await export(try AdminQuery(request: request, context: context).id("id"), actor: context.actor)
        }
    }

    private func erase(_ id: Int64, actor: String) async throws -> Response {
        let time = now()
        let receipt = try await store.transaction { tx in
            let receipt = try await SubscriberAdministration.erase(
                subscriberID: id, actor: actor, at: time, in: tx, webhooks: webhooks)
            _ = try await tx.appendAudit(
                NewAuditEntry(
                    actor: actor, action: "subscriber.erase", target: "subscriber:\(id)",
                    detailJSON: AuditDetail.json(["suppression": receipt.suppression.reason.rawValue]), occurredAt: time
                ))
            return receipt
        }
        return AdminJSON.response(ErasureView(subscriberID: id, suppression: AdminSuppressionView(receipt.suppression)))
    }

    private func export(_ id: Int64, actor: String) async throws -> Response {
        let time = now()
        let data = try await store.transaction { tx in
            let data = try await SubscriberAdministration.exportData(subscriberID: id, in: tx)
            _ = try await tx.appendAudit(
                NewAuditEntry(actor: actor, action: "subscriber.export", target: "subscriber:\(id)", occurredAt: time))
            return data
        }
        return AdminJSON.response(data)
    }
}

/// What an erasure answers: the person is gone; only the suppression remains.
struct ErasureView: Encodable {
    let erased = true
    let subscriberID: Int64
    let suppression: AdminSuppressionView

    enum CodingKeys: String, CodingKey {
        case erased, suppression
        case subscriberID = "subscriber_id"
    }
}
