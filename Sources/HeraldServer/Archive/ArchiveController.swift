import Foundation
import HTTPTypes
import HeraldCore
import HeraldTemplates
import Hummingbird

/// The public archive of sent issues: `GET /archive/{newsletter}` (a paginated list, newest
/// first), `GET /archive/{newsletter}/{period}` (one issue as a web page) and
/// `GET /archive/{newsletter}/feed.xml` (Atom). Only newsletters with `archive: true` have one;
/// everything under any other answers 404, as do unknown periods and issues not completed yet.
/// Each lists the issues in the page's language: `?lang=` or `Accept-Language` among the
/// newsletter's languages, else the newsletter's own.
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
            return try await list(
                newsletter, language: languages.of(request, for: newsletter), page: try ArchiveQuery.page(request))
        }
        router.get("/archive/:newsletter/:period") { request, context in
            let newsletter = try archivedNewsletter(context)
            try ArchiveQuery.noParameters(request)
            let language = languages.of(request, for: newsletter)
            let period = context.parameters.get("period")?.removingPercentEncoding ?? ""
            if period == "feed.xml" { return try await feed(newsletter, language: language) }
            return try await issue(newsletter, language: language, period: period)
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

    private func list(_ newsletter: Newsletter, language: String, page: Int) async throws -> Response {
        let size = Self.pageSize
        let found = try await PublicArchive(store: store).page(
            newsletter: newsletter.slug, language: language, offset: (page - 1) * size, limit: size)
        let (issues, total) = (found.issues, found.total)
        let pageCount = max(1, (total + size - 1) / size)
        guard page <= pageCount else { throw HTTPError(.notFound) }
        return ArchiveResponses.page(
            renderer.list(newsletter, issues: issues, page: page, pageCount: pageCount, language: language))
    }

    private func issue(_ newsletter: Newsletter, language: String, period: String) async throws -> Response {
        guard ArchiveQuery.isPlausiblePeriod(period) else { throw HTTPError(.notFound) }
        let found = try await PublicArchive(store: store).issue(
            newsletter: newsletter.slug, language: language, period: period)
        guard let found else { throw HTTPError(.notFound) }
        return ArchiveResponses.page(renderer.issue(newsletter, found, language: language))
    }

    private func feed(_ newsletter: Newsletter, language: String) async throws -> Response {
        let issues = try await PublicArchive(store: store).latest(
            newsletter: newsletter.slug, language: language, limit: Self.pageSize)
        return ArchiveResponses.feed(renderer.feed(newsletter, issues: issues, language: language))
    }
}
