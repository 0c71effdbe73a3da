import Foundation
import HeraldApp
import HeraldCore
import HeraldTemplates
import Hummingbird

/// The console's next-issue page of a newsletter: the preview `herald digest preview` renders
/// (nothing sent or recorded) and the articles queued by hand, added with the admin API's own
/// validation (``QueuedArticleInput``) and removed through ``DigestQueueService`` (audited).
extension ConsoleController {
    func registerNextIssue(on router: Router<HeraldRequestContext>) {
        router.get("/admin/digests/:slug/next") { request, context in
            guard let session = try await session(of: request) else { return signInRedirect(request) }
            guard let newsletter = newsletter(context) else { return notFound("No newsletter has this name.") }
            let notice = request.uri.queryParameters.get("done").flatMap(ConsoleNotice.init(rawValue:))
            let page = try await nextIssuePage(session, newsletter, notice: notice)
            return ConsoleResponses.html(templates.consoleDigestNextPage(page))
        }
        router.post("/admin/digests/:slug/queue") { request, context in
            try await posted(request) { session, form in try await queueArticle(session, form, context) }
        }
        router.post("/admin/digests/:slug/queue/:id/remove") { request, context in
            try await posted(request) { session, _ in
                guard let newsletter = newsletter(context), let id = pathID(context),
                    try await services.digestQueue.unqueue(
                        itemID: id, newsletter: newsletter.slug, actor: session.operatorName)
                else { return notFound("This article is not queued (any more).") }
                return nextIssueRedirect(newsletter, notice: .unqueued)
            }
        }
    }

    private func newsletter(_ context: HeraldRequestContext) -> Newsletter? {
        let slug = context.parameters.get("slug") ?? ""
        return newsletters.first { $0.slug == slug }
    }

    private func nextIssueRedirect(_ newsletter: Newsletter, notice: ConsoleNotice) -> Response {
        ConsoleResponses.redirect(to: site.baseURL + "/admin/digests/\(newsletter.slug)/next?done=\(notice.rawValue)")
    }

    private func queueArticle(_ session: ConsoleSession, _ form: ConsoleForm, _ context: HeraldRequestContext)
        async throws -> Response
    {
        guard let newsletter = newsletter(context) else { return notFound("No newsletter has this name.") }
        let typed = ["title", "url", "summary"].reduce(into: [String: String]()) { $0[$1] = form[$1] ?? "" }
        var members: [(key: String, value: JSONValue)] = []
        for name in ["title", "url", "summary"] {
            if let value = form.text(name) { members.append((name, .string(value))) }
        }
        let problem: String
        do {
            let article = try QueuedArticleInput.parse(AdminRequestBody(members: members), at: now())
            _ = try await services.digestQueue.queue(article, newsletter: newsletter.slug, actor: session.operatorName)
            return nextIssueRedirect(newsletter, notice: .queued)
        } catch let error as AdminError {
            problem = error.message
        } catch let error as StoreError where error.isDuplicate {
            problem = "This link is already queued for \(newsletter.title)."
        }
        let page = try await nextIssuePage(
            session, newsletter, form: typed.mapValues { String($0.prefix(2000)) }, formProblem: problem)
        return ConsoleResponses.html(templates.consoleDigestNextPage(page), status: .unprocessableContent)
    }

    private func nextIssuePage(
        _ session: ConsoleSession, _ newsletter: Newsletter, notice: ConsoleNotice? = nil, form: [String: String] = [:],
        formProblem: String? = nil
    ) async throws -> ConsoleDigestNextPage {
        var preview: ConsoleDigestNextPage.Preview?
        var problem: String?
        do {
            let next = try await services.digestPreview(newsletter)
            preview = ConsoleDigestNextPage.Preview(
                subject: next.rendered.subject, html: next.rendered.html, text: next.rendered.text,
                articles: next.articles.map { [$0.title, $0.link ?? ""] }, recipients: next.recipients)
        } catch {
            problem = "The next issue cannot be shown: \(error)"
        }
        let queue = try await services.digestQueue.pending(newsletter: newsletter.slug, limit: 100)
        return ConsoleDigestNextPage(
            frame: frame(session), slug: newsletter.slug, title: newsletter.title, preview: preview,
            previewProblem: problem,
            queue: queue.map {
                ConsoleDigestNextPage.Queued(
                    id: $0.id, title: $0.article.title, url: $0.article.link ?? "", queuedBy: $0.queuedBy,
                    queuedAt: ConsoleDates.minute($0.queuedAt))
            }, form: form, formProblem: formProblem, notice: notice)
    }
}
