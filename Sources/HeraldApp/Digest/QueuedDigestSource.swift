import HeraldCore
import HeraldFeeds

/// A newsletter's digest articles in one language. The issue in the newsletter's own language
/// starts with the articles queued through the admin API that no issue has sent yet, newest
/// first; every language's issue then has its feed's articles (when the newsletter has a feed for
/// that language or `--feed` is given). A newsletter without a feed sends only queued articles.
struct QueuedDigestSource: DigestSource {
    let queue: DigestQueueService
    let feed: FeedDigestSource
    /// Most queued articles read per run (the sender's `--max-items` applies after this).
    var limit = 500

    init(store: any SubscriberStore, feed: FeedDigestSource) {
        self.queue = DigestQueueService(store: store)
        self.feed = feed
    }

    /// The articles queued through the admin API (own language only) and the feed, if any.
    func origin(for newsletter: Newsletter, language: String) -> String {
        let feed = feed.override ?? newsletter.digestFeed(for: language)
        guard language == newsletter.language else { return feed ?? "no feed" }
        return "queued articles" + (feed.map { " and \($0)" } ?? "")
    }

    func articles(for newsletter: Newsletter, language: String) async throws -> [DigestArticle] {
        var articles: [DigestArticle] = []
        if language == newsletter.language {
            articles = try await queue.pending(newsletter: newsletter.slug, limit: limit).map(\.article)
        }
        guard feed.override != nil || newsletter.digestFeed(for: language) != nil else { return articles }
        return articles + (try await feed.articles(for: newsletter, language: language))
    }
}
