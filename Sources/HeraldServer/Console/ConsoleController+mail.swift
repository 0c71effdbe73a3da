import Foundation
import HeraldCore
import HeraldTemplates
import Hummingbird

/// The console's Mail page: failed and deferred outbox mail with the server's reply, and the
/// retry and discard actions of ``OutboxReview`` (audited under the operator's name).
extension ConsoleController {
    static let mailPageSize = 50

    func registerMail(on router: Router<HeraldRequestContext>) {
        router.get("/admin/mail") { request, _ in try await mail(request) }
        router.post("/admin/mail/:id/retry") { request, context in
            try await posted(request) { session, _ in try await reviewMail(session, context, retry: true) }
        }
        router.post("/admin/mail/:id/discard") { request, context in
            try await posted(request) { session, _ in try await reviewMail(session, context, retry: false) }
        }
    }

    private func mail(_ request: Request) async throws -> Response {
        guard let session = try await session(of: request) else { return signInRedirect(request) }
        var before: Int64?
        if let cursor = request.uri.queryParameters.get("before") {
            guard let id = try? cursors.decode(cursor, scope: "console-mail") else {
                return badRequest("This page link is not valid; open the Mail page again.")
            }
            before = id
        }
        let notice = request.uri.queryParameters.get("done").flatMap(ConsoleNotice.init(rawValue:))
        let page = try await mailPage(session: session, before: before, notice: notice)
        return ConsoleResponses.html(templates.consoleMailPage(page))
    }

    private func mailPage(
        session: ConsoleSession, before: Int64?, notice: ConsoleNotice? = nil, problem: String? = nil
    ) async throws -> ConsoleMailPage {
        let rows = try await services.outboxReview.mailNeedingAttention(beforeID: before, limit: Self.mailPageSize)
        let summary = try await QueueStatus(store: store).outbox()
        let next =
            rows.count == Self.mailPageSize
            ? rows.last.map {
                site.baseURL + "/admin/mail?before=" + cursors.encode($0.id, scope: "console-mail")
            } : nil
        return ConsoleMailPage(
            frame: frame(session),
            counts: OutboxState.allCases.map { ($0.rawValue, summary.counts[$0] ?? 0) },
            rows: rows.map(Self.mailRow), nextURL: next, notice: notice, problem: problem)
    }

    private static func mailRow(_ message: OutboxMessage) -> ConsoleMailPage.Row {
        ConsoleMailPage.Row(
            id: message.id, kind: message.kind.rawValue, recipients: message.mail.recipients.joined(separator: ", "),
            state: message.state == .failed ? "failed" : "deferred", attempts: message.attempts,
            reply: message.lastResult ?? "—", queued: ConsoleDates.minute(message.createdAt),
            next: ConsoleDates.minute(message.nextAttemptAt), retryable: !message.mail.data.isEmpty)
    }

    private func reviewMail(_ session: ConsoleSession, _ context: HeraldRequestContext, retry: Bool) async throws
        -> Response
    {
        guard let id = pathID(context) else { return notFound("No mail has this number.") }
        do {
            if retry {
                try await services.outboxReview.retry(mailID: id, actor: session.operatorName)
            } else {
                try await services.outboxReview.discard(mailID: id, actor: session.operatorName)
            }
        } catch OutboxReviewError.mailNotFound {
            return notFound("No mail has this number.")
        } catch let error as OutboxReviewError {
            let page = try await mailPage(
                session: session, before: nil, problem: "Nothing changed: \(error.description).")
            return ConsoleResponses.html(templates.consoleMailPage(page), status: .conflict)
        }
        return ConsoleResponses.redirect(to: site.baseURL + "/admin/mail?done=" + (retry ? "retried" : "discarded"))
    }
}
