import Foundation
import HeraldCore
import Hummingbird

/// GDPR endpoints: `DELETE /api/v1/subscribers/{id}` erases the person (keeping only a keyed hash
/// on the suppression list) and `GET /api/v1/subscribers/{id}/export` returns everything held
/// about them. Both write an audit entry in the same transaction.
struct AdminPrivacyController: Sendable {
    let administration: SubscriberAdministration

    func register(on group: RouterGroup<HeraldRequestContext>) {
        group.delete("/subscribers/:id") { request, context in
            let id = try AdminQuery(request: request, context: context).id("id")
            let receipt = try await administration.erase(subscriberID: id, actor: context.actor)
            receipt.logFailedRewrite(context.logger)
            return AdminJSON.response(
                ErasureView(
                    subscriberID: id, suppression: AdminSuppressionView(receipt.suppression),
                    databaseRewritten: receipt.databaseRewrite == .done))
        }
        group.get("/subscribers/:id/export") { request, context in
            let id = try AdminQuery(request: request, context: context).id("id")
            return AdminJSON.response(try await administration.exportData(subscriberID: id, actor: context.actor))
        }
    }
}

/// What an erasure answers: the person is gone; only the suppression remains.
struct ErasureView: Encodable {
    let erased = true
    let subscriberID: Int64
    let suppression: AdminSuppressionView
    /// Whether the store rewrote the database after the erasure (``ErasureReceipt/databaseRewrite``).
    let databaseRewritten: Bool

    enum CodingKeys: String, CodingKey {
        case erased, suppression
        case subscriberID = "subscriber_id"
        case databaseRewritten = "database_rewritten"
    }
}
