import HeraldCore
import Hummingbird

/// `GET /api/v1/newsletters`: the configured newsletters with their subscription counts per status.
struct AdminNewslettersController: Sendable {
    let store: any SubscriberStore
    let newsletters: [Newsletter]

    func register(on group: RouterGroup<HeraldRequestContext>) {
        group.get("/newsletters") { _, _ in try await list() }
    }

    private func list() async throws -> Response {
        let counts = try await ListStatistics(store: store).subscriptionCounts()
        let views = newsletters.map { newsletter in
            var byStatus = Dictionary(uniqueKeysWithValues: SubscriptionStatus.allCases.map { ($0.rawValue, 0) })
            for count in counts where count.newsletter == newsletter.slug {
                byStatus[count.status.rawValue] = count.count
            }
            return NewsletterView(
                slug: newsletter.slug, title: newsletter.title, description: newsletter.description,
                timeZone: newsletter.timeZone, hasFeed: newsletter.digestFeed != nil, counts: byStatus)
        }
        return AdminJSON.response(["items": views])
    }
}

/// A newsletter with its counts per subscription status.
struct NewsletterView: Encodable {
    let slug: String
    let title: String
    let description: String
    let timeZone: String
    let hasFeed: Bool
    let counts: [String: Int]

    enum CodingKeys: String, CodingKey {
        case slug, title, description, counts
        case timeZone = "time_zone", hasFeed = "has_feed"
    }
}
