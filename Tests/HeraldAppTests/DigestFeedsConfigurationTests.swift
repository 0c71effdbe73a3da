import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldApp

/// `digest_feed` (one feed for every language) or `digest_feeds` (one per language), never both,
/// and only for languages the newsletter offers.
@Suite("Configuration: digest feeds per language")
struct DigestFeedsConfigurationTests {
    @Test func oneFeedPerLanguage() throws {
        let configuration = try ConfigurationTestLoading.load(
            """
            newsletters:
              - slug: daily
                language: uk
                languages: [uk, en]
                digest_feeds:
                  uk: https://news.example.org/uk/feed.xml
                  en: https://news.example.org/en/feed.xml
            """)
        let daily = try #require(configuration.newsletters.first)
        #expect(daily.digestFeed == nil)
        #expect(daily.digestFeed(for: "uk") == "https://news.example.org/uk/feed.xml")
        #expect(daily.digestFeed(for: "en") == "https://news.example.org/en/feed.xml")
    }

    @Test func oneFeedForEveryLanguage() throws {
        let configuration = try ConfigurationTestLoading.load(
            """
            newsletters:
              - slug: daily
                languages: [en, uk]
                digest_feed: https://news.example.org/feed.xml
            """)
        let daily = try #require(configuration.newsletters.first)
        #expect(daily.digestFeeds.isEmpty)
        #expect(daily.digestFeed(for: "uk") == "https://news.example.org/feed.xml")
        #expect(daily.digestFeed(for: "en") == "https://news.example.org/feed.xml")
    }

    @Test(arguments: [
        (
            "    digest_feed: https://x.example/all.xml\n    digest_feeds:\n      uk: https://x.example/uk.xml",
            "newsletter 'daily' has both digest_feed and digest_feeds"
        ),
        (
            "    digest_feeds:\n      de: https://x.example/de.xml",
            "newsletter 'daily': digest_feeds key 'de' is not one of its languages (uk, en)"
        ),
        ("    digest_feeds: https://x.example/uk.xml", "key 'digest_feeds'"),
        ("    digest_feeds:\n      uk: [a, b]", "expected a string"),
        ("    digest_feeds:\n      uk: \"\"", "must not be empty"),
        ("    digest_feeds:\n      \"u k\": https://x.example/uk.xml", "digest_feeds keys are languages"),
        ("    digest_feeds: {}", "digest_feeds needs at least one language"),
    ])
    func badFeedsNameTheNewsletterAndKey(feeds: String, expected: String) {
        let text = ConfigurationTestLoading.message(
            "newsletters:\n  - slug: daily\n    language: uk\n    languages: [uk, en]\n" + feeds)
        #expect(text.contains(expected), "\(text)")
    }
}
