import Foundation
import HeraldCore

/// Reads a newsletter's articles from its feed (URL or file), with conditional GET.
///
/// The last parsed articles are kept with the feed's validators, so a `304 Not Modified` still
/// yields the current articles (the sender then finds nothing new, or resumes correctly after a
/// run that fetched but died before creating its issue).
public struct FeedDigestSource: DigestSource {
    let settings: StoredSettings
    let fetcher: FeedFetcher
    /// The feed read instead of the newsletter's `digest_feed`, when given.
    public let override: String?

    /// A source reading with `fetcher`, caching in `store`'s settings; `override` replaces every
    /// newsletter's `digest_feed` and `digest_feeds` in every language (the CLI's `--feed`).
    public init(store: any SubscriberStore, fetcher: FeedFetcher, override: String?) {
        settings = StoredSettings(store: store)
        self.fetcher = fetcher
        self.override = override
    }

    /// The override, else the newsletter's feed for `language`, else "no feed".
    public func origin(for newsletter: Newsletter, language: String) -> String {
        override ?? newsletter.digestFeed(for: language) ?? "no feed"
    }

    struct Cache: Codable {
        var source: String
        var etag: String?
        var lastModified: String?
        var articles: [DigestArticle]
    }

    /// The articles of `newsletter`'s feed for `language` (see ``Newsletter/digestFeed(for:)``),
    /// or of the override; each language's feed has its own cache and validators.
    public func articles(for newsletter: Newsletter, language: String) async throws -> [DigestArticle] {
        guard let source = override ?? newsletter.digestFeed(for: language) else {
            throw FeedError(
                .unreadableSource,
                "newsletter '\(newsletter.slug)' has no digest feed for '\(language)' configured "
                    + "(digest_feed, digest_feeds; or pass --feed)")
        }
        let key =
            language == newsletter.language
            ? "feed_cache:\(newsletter.slug)" : "feed_cache:\(newsletter.slug):\(language)"
        let cached = try await loadCache(key).flatMap { $0.source == source ? $0 : nil }
        let validators = cached.map { FeedCacheValidators(etag: $0.etag, lastModified: $0.lastModified) }
        switch try await fetcher.fetch(source, previous: validators) {
        case .notModified:
            return cached?.articles ?? []
        case .fetched(let data, let newValidators, let finalURL):
            let feed = try FeedParser.parse(data, baseURL: finalURL)
            let articles = feed.items.map(Self.article(from:))
            try await saveCache(
                key,
                Cache(
                    source: source, etag: newValidators.etag, lastModified: newValidators.lastModified,
                    articles: articles))
            return articles
        }
    }

    /// The stored form of a parsed feed item.
    public static func article(from item: FeedItem) -> DigestArticle {
        DigestArticle(
            identity: item.identity, linkIdentity: item.linkIdentity, title: item.title, link: item.link,
            summaryHTML: item.summaryHTML, summaryText: item.summaryText, author: item.author,
            published: item.published, imageURL: item.imageURL)
    }

    private func loadCache(_ key: String) async throws -> Cache? {
        guard let text = try await settings.value(named: key) else { return nil }
        return try? JSONDecoder().decode(Cache.self, from: Data(text.utf8))
    }

    private func saveCache(_ key: String, _ cache: Cache) async throws {
        let text = String(decoding: try JSONEncoder().encode(cache), as: UTF8.self)
        try await settings.save(text, named: key)
    }
}
