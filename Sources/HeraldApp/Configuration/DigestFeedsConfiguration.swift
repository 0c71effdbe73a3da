import HeraldCore
import HeraldLocalization

/// Reads a newsletter's `digest_feeds` (one feed per language) and checks it against the rest of
/// the newsletter once every key is read.
enum DigestFeedsConfiguration {
    /// `digest_feeds: {uk: …, en: …}`: each key a language tag, each value a non-empty feed.
    static func parse(_ value: ConfigValue) throws(ConfigurationError) -> [String: (feed: String, origin: ConfigValue)]
    {
        var feeds: [String: (feed: String, origin: ConfigValue)] = [:]
        for (key, feed) in try value.mapping() {
            guard key != "*", LanguageNegotiation.isRange(key) else {
                throw feed.fail("digest_feeds keys are languages such as uk or en, got '\(key.prefix(64))'")
            }
            guard feeds[key] == nil else { throw feed.fail("digest_feeds names '\(key)' twice") }
            feeds[key] = (try feed.text(), feed)
        }
        guard !feeds.isEmpty else { throw value.fail("digest_feeds needs at least one language: feed") }
        return feeds
    }

    /// Puts `feeds` into `newsletter`, whose ``Newsletter/languages`` are final: a configuration
    /// error naming the newsletter and key when `digest_feed` is also given or a key is not one of
    /// the newsletter's languages.
    static func apply(
        _ feeds: [String: (feed: String, origin: ConfigValue)], to newsletter: inout Newsletter
    ) throws(ConfigurationError) {
        for (language, entry) in feeds.sorted(by: { $0.key < $1.key }) {
            guard newsletter.digestFeed == nil else {
                throw entry.origin.fail(
                    "newsletter '\(newsletter.slug)' has both digest_feed and digest_feeds; "
                        + "give one feed for every language or one per language, not both")
            }
            guard newsletter.languages.contains(language) else {
                throw entry.origin.fail(
                    "newsletter '\(newsletter.slug)': digest_feeds key '\(language)' is not one of its languages ("
                        + newsletter.languages.joined(separator: ", ") + ")")
            }
            newsletter.digestFeeds[language] = entry.feed
        }
    }
}
