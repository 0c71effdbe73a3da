import Foundation
import HeraldCore
import Hummingbird

/// Digest endpoints: `GET /api/v1/newsletters/{slug}/digests` lists issues with their delivery
/// progress; `GET/POST /api/v1/newsletters/{slug}/queue` shows and adds hand-queued articles for
/// the next digest (for sites without a feed).
struct AdminDigestsController: Sendable {
    let store: any SubscriberStore
    let newsletters: [Newsletter]
    let cursors: PageCursor
    let maxBodyBytes: Int
    let now: @Sendable () -> Date

    func register(on group: RouterGroup<HeraldRequestContext>) {
        group.get("/newsletters/:slug/digests") { request, context in
            try await issues(AdminQuery(request: request, context: context))
        }
        group.get("/newsletters/:slug/queue") { request, context in
            try await queued(AdminQuery(request: request, context: context))
        }
        group.post("/newsletters/:slug/queue") { request, context in try await enqueue(request, context) }
    }

    private func newsletter(_ context: HeraldRequestContext) throws(AdminError) -> Newsletter {
        let slug = context.parameters.get("slug") ?? ""
        guard let newsletter = newsletters.first(where: { $0.slug == slug }) else {
            throw AdminError.notFound(
                "newsletter_not_found", "No newsletter '\(AdminText.preview(slug))' is configured.")
        }
        return newsletter
    }

    private func issues(_ query: AdminQuery) async throws -> Response {
        let slug = try newsletter(query.context).slug
        let scope = "digests:\(slug)"
        let before = try query.cursor(cursors, scope: scope)
        let limit = try query.limit(fallback: 20, maximum: 100)
        let views = try await DigestReports(store: store).issues(newsletter: slug, beforeID: before, limit: limit)
            .map { DigestIssueView($0.summary, $0.progress) }
        let next = views.count == limit ? views.last.map { cursors.encode($0.id, scope: scope) } : nil
        return AdminJSON.response(AdminPage(items: views, nextCursor: next))
    }

    private func queued(_ query: AdminQuery) async throws -> Response {
        let slug = try newsletter(query.context).slug
        let limit = try query.limit(fallback: 50, maximum: 200)
        let items = try await DigestQueueService(store: store).pending(newsletter: slug, limit: limit)
        return AdminJSON.response(["items": items.map(QueuedItemView.init)])
    }

    private func enqueue(_ request: Request, _ context: HeraldRequestContext) async throws -> Response {
        let slug = try newsletter(context).slug
        let body = try await AdminRequestBody.read(
            request, limit: maxBodyBytes, allowed: ["title", "url", "summary", "author", "image_url"])
        let article = try QueuedArticleInput.parse(body, at: now())
        let item: QueuedDigestItem
        do {
            item = try await DigestQueueService(store: store, now: now).queue(
                article, newsletter: slug, actor: context.actor)
        } catch let error as StoreError where error.isDuplicate {
            throw AdminError.conflict("already_queued", "This URL is already queued for '\(slug)'.")
        }
        return AdminJSON.response(QueuedItemView(item), status: .created)
    }
}

/// One digest issue with its deliveries by state.
struct DigestIssueView: Encodable {
    let id: Int64
    let period: String
    /// The language the issue is written in (BCP 47 tag; one issue per newsletter, period and language).
    let language: String
    let articleCount: Int
    let createdAt: Date
    let completedAt: Date?
    let deliveries: [String: Int]
    let total: Int

    init(_ issue: DigestIssueSummary, _ progress: DigestProgress) {
        id = issue.id
        period = issue.period
        language = issue.language
        articleCount = issue.articleCount
        createdAt = issue.createdAt
        completedAt = issue.completedAt
        deliveries = Dictionary(
            uniqueKeysWithValues: DeliveryState.allCases.map { ($0.rawValue, progress.counts[$0] ?? 0) })
        total = progress.total
    }

    enum CodingKeys: String, CodingKey {
        case id, period, language, deliveries, total
        case articleCount = "article_count", createdAt = "created_at", completedAt = "completed_at"
    }
}

/// A queued article as the admin API shows it.
struct QueuedItemView: Encodable {
    let id: Int64
    let title: String
    let url: String?
    let summary: String
    let author: String?
    let queuedBy: String
    let queuedAt: Date

    init(_ item: QueuedDigestItem) {
        id = item.id
        title = item.article.title
        url = item.article.link
        summary = item.article.summaryText
        author = item.article.author
        queuedBy = item.queuedBy
        queuedAt = item.queuedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, title, url, summary, author
        case queuedBy = "queued_by", queuedAt = "queued_at"
    }
}
