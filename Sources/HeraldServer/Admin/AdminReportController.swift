import Foundation
import HTTPTypes
import HeraldCore
import Hummingbird
import NIOCore

/// `GET /api/v1/newsletters/{slug}/digests/{id}/report` (JSON) and `.../report.csv`: one issue's
/// deliveries, bounces, unsubscribes within 7 days, clicks per link (total and filtered) and,
/// with `opens: true`, open-pixel loads (total and filtered).
struct AdminReportController: Sendable {
    let store: any SubscriberStore
    let newsletters: [Newsletter]
    let now: @Sendable () -> Date

    func register(on group: RouterGroup<HeraldRequestContext>) {
        group.get("/newsletters/:slug/digests/:id/report") { request, context in
            AdminJSON.response(try await report(request, context))
        }
        group.get("/newsletters/:slug/digests/:id/report.csv") { request, context in
            let report = try await report(request, context)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                    .contentDisposition: "attachment; filename=\"issue-\(report.id)-report.csv\"",
                    HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: report.csv)))
        }
    }

    private func report(_ request: Request, _ context: HeraldRequestContext) async throws -> IssueReport {
        guard request.uri.queryParameters.isEmpty else {
            throw AdminError.badRequest("unknown_parameter", "The report takes no query parameters.")
        }
        let slug = context.parameters.get("slug") ?? ""
        guard let newsletter = newsletters.first(where: { $0.slug == slug }) else {
            throw AdminError.notFound(
                "newsletter_not_found", "No newsletter '\(AdminText.preview(slug))' is configured.")
        }
        let raw = context.parameters.get("id") ?? ""
        guard raw.utf8.count <= 18, raw.utf8.allSatisfy({ (48...57).contains($0) }), let id = Int64(raw), id > 0 else {
            throw AdminError.notFound("digest_not_found", "No digest '\(AdminText.preview(raw))' exists.")
        }
        let found = try await IssueReport.load(id: id, of: newsletter, store: store, now: now())
        guard let found else { throw AdminError.notFound("digest_not_found", "No digest \(id) of '\(slug)' exists.") }
        return found
    }
}
