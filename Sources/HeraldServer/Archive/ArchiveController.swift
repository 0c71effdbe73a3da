import Foundation
import HTTPTypes
import HeraldCore
import HeraldTemplates
import Hummingbird

/// The public archive of sent issues: `GET /archive/{newsletter}` (a paginated list, newest
/// first), `GET /archive/{newsletter}/{period}` (one issue as a web page) and
/// `GET /archive/{newsletter}/feed.xml` (Atom). Only newsletters with `archive: true` have one;
/// everything under any other answers 404, as do unknown periods and issues not completed yet.
///
/// Pages are in the reader's language among the newsletter's (`?lang=`, else `Accept-Language`,
/// else the newsletter's own); the feed is in the newsletter's language.
struct ArchiveController: Sendable {
    let store: any SubscriberStore
    let renderer: ArchiveRenderer
    let newsletters: [Newsletter]
    let languages: PageLanguages
    /// Issues per list page.
    static let pageSize = 20
    /// The highest page number a request may ask for (deeper pages would only scan further).
    static let maxPage = 10_000

    func register(on router: Router<HeraldRequestContext>) {
        router.get("/archive/:newsletter") { request, context in
            let newsletter = try archivedNewsletter(context)
            let page = try ArchiveQuery.page(request)
            return try await list(newsletter, page: page, language: languages.of(request, for: newsletter))
        }
        router.get("/archive/:newsletter/:period") { request, context in
            let newsletter = try archivedNewsletter(context)
            let period = context.parameters.get("period")?.removingPercentEncoding ?? ""
            if period == "feed.xml" {
                try ArchiveQuery.noParameters(request)
                return try await feed(newsletter)
            }
            try ArchiveQuery.onlyLanguage(request)
            return try await issue(newsletter, period: period, language: languages.of(request, for: newsletter))
        }
    }

    /// The configured newsletter named in the path, if its archive is on; else 404.
    private func archivedNewsletter(_ context: HeraldRequestContext) throws -> Newsletter {
        let slug = context.parameters.get("newsletter") ?? ""
        guard let newsletter = newsletters.first(where: { $0.slug == slug }), newsletter.archive else {
            throw HTTPError(.notFound)
        }
        return newsletter
    }

    private func list(_ newsletter: Newsletter, page: Int, language: String) async throws -> Response {
        let size = Self.pageSize
        let (issues, total) = try await store.transaction { tx in
            (
                try await tx.archivedIssues(newsletter: newsletter.slug, offset: (page - 1) * size, limit: size),
                try await tx.archivedIssueCount(newsletter: newsletter.slug)
            )
        }
        let pageCount = max(1, (total + size - 1) / size)
        guard page <= pageCount else { throw HTTPError(.notFound) }
        return ArchiveResponses.page(
            renderer.list(newsletter, issues: issues, page: page, pageCount: pageCount, language: language))
    }

    private func issue(_ newsletter: Newsletter, period: String, language: String) async throws -> Response {
        guard ArchiveQuery.isPlausiblePeriod(period) else { throw HTTPError(.notFound) }
        let found = try await store.transaction {
            try await $0.archivedIssue(newsletter: newsletter.slug, period: period)
        }
        guard let found else { throw HTTPError(.notFound) }
        return ArchiveResponses.page(renderer.issue(newsletter, found, language: language))
    }

    private func feed(_ newsletter: Newsletter) async throws -> Response {
        let issues = try await store.transaction {
            try await $0.archivedIssues(newsletter: newsletter.slug, offset: 0, limit: Self.pageSize)
        }
        return ArchiveResponses.feed(renderer.feed(newsletter, issues: issues))
    }
}
