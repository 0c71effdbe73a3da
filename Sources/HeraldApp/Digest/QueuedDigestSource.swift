import HeraldCore
import HeraldFeeds

/// A newsletter's digest articles: the ones queued through the admin API that no issue has sent
/// yet, newest first, followed by the feed's (when the newsletter has a feed or `--feed` is given).
/// A newsletter without a feed sends only queued articles.
struct QueuedDigestSource: DigestSource {
    let store: ScopedStore<any DigestQueueOperations>
    let feed: FeedDigestSource
    /// Most queued articles read per run (the sender's `--max-items` applies after this).
    var limit = 500

    init(store: any SubscriberStore, feed: FeedDigestSource) {
        self.store = ScopedStore(store) { $0 }
        self.feed = feed
    }

    func articles(for newsletter: Newsletter) async throws -> [DigestArticle] {
        let queued = try await store.transaction { tx in
            try await tx.pendingDigestItems(newsletter: newsletter.slug, limit: limit)
        }
        guard feed.override != nil || newsletter.digestFeed != nil else { return queued.map(\.article) }
        return queued.map(\.article) + (try await feed.articles(for: newsletter))
    }
}
