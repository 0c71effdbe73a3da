import Foundation
import HeraldFeeds
import Testing

@Suite("RSS parsing")
struct RSSParserTests {
    let feed: Feed

    init() throws {
        feed = try FeedParser.parse(Array(RSSFixtures.newsroom.utf8), baseURL: "https://news.example.org/feed.xml")
    }

    @Test func readsTheChannel() {
        #expect(feed.title == "Вісті & Події")
        #expect(feed.link == "https://news.example.org/")
        #expect(feed.items.count == 3)
    }

    @Test func keepsUkrainianTextAndTypographicPunctuation() {
        #expect(feed.items[0].title == "Київ: “Весна” — ‘перші’ квіти…")
        #expect(feed.items[0].summaryText.contains("Перший абзац про місто (https://news.example.org/city) & людей."))
    }

    @Test func prefersContentEncodedOverDescription() {
        #expect(!feed.items[0].summaryHTML.contains("teaser"))
        #expect(feed.items[0].summaryHTML.contains("<p>Перший абзац"))
    }

    @Test func removesScriptsAndEventHandlersFromItemHTML() {
        let html = feed.items[0].summaryHTML
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert"))
        #expect(!html.lowercased().contains("onerror"))
        #expect(html.contains("<img src=\"https://news.example.org/2024/05/images/flowers.jpg\" alt=\"Квіти\">"))
    }

    @Test func resolvesRelativeLinksAgainstTheChannelAndTheItem() {
        #expect(feed.items[0].link == "https://news.example.org/2024/05/spring")
        #expect(feed.items[0].summaryHTML.contains("<a href=\"https://news.example.org/city\">місто</a>"))
        #expect(feed.items[1].imageURL == "https://news.example.org/media/reunion.png")
    }

    @Test func readsDublinCoreCreatorDatesAndMediaImages() throws {
        let item = feed.items[0]
        #expect(item.author == "Олена Петренко")
        #expect(item.guid == "urn:uuid:1b7e-spring")
        #expect(item.published == Date(timeIntervalSince1970: 1_714_545_000))  // 2024-05-01T06:30:00Z
        #expect(item.imageURL == "https://cdn.example.org/spring.jpg")
    }

    @Test func decodesEntitiesInTitlesAndEscapedHTML() {
        let item = feed.items[1]
        #expect(item.title == "Tom & Jerry’s “reunion”")
        #expect(item.summaryHTML == "<p>Escaped <b>HTML</b> with \u{A0}and—entities</p>")
        #expect(item.summaryText == "Escaped HTML with and—entities")
    }

    @Test func takesTheNameFromAnRSSAuthor() {
        #expect(feed.items[1].author == "Jane Editor")
    }

    @Test func missingPubDateAndGuidAreNil() {
        #expect(feed.items[1].published == nil)
        #expect(feed.items[1].guid == nil)
        #expect(feed.items[1].identity == "https://news.example.org/2024/05/reunion?utm_source=rss")
        #expect(feed.items[1].linkIdentity == "news.example.org/2024/05/reunion")
    }

    @Test func usesAPermalinkGuidAsLinkAndTheSummaryAsTitle() {
        let item = feed.items[2]
        #expect(item.link == "https://news.example.org/2024/05/permalink")
        #expect(item.title == "An item with neither title nor link; its guid is a permalink. It goes on for a…")
        #expect(item.published == Date(timeIntervalSince1970: 1_714_644_900))  // 2024-05-02T10:15:00Z
    }

    @Test func readsRSS1RDF() throws {
        let feed = try FeedParser.parse(Array(RSSFixtures.rdf.utf8), baseURL: nil)
        #expect(feed.title == "RDF Site")
        #expect(feed.items.map(\.title) == ["One"])
        #expect(feed.items[0].guid == "https://rdf.example.org/one")
        #expect(feed.items[0].published == Date(timeIntervalSince1970: 1_714_723_200))
    }

    @Test func acceptsHTMLEntityNamesUsedDirectlyInXML() throws {
        let xml = "<rss><channel><title>A&nbsp;B&mdash;C &copy; D</title></channel></rss>"
        let feed = try FeedParser.parse(Array(xml.utf8), baseURL: nil)
        #expect(feed.title == "A B—C © D")
    }

    @Test func readsDeclaredLegacyEncodings() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>".utf8)
        bytes += [0xCF, 0xF0, 0xE8, 0xE2, 0xB3, 0xF2]  // "Привіт" in Windows-1251
        bytes += Array("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(bytes, baseURL: nil).title == "Привіт")
    }

    @Test func dropsLinksThatAreNotWebURLs() throws {
        let xml = """
            <rss><channel><title>t</title>
            <item><title>x</title><link>javascript:alert(1)</link><enclosure url="data:image/png;base64,AAAA" type="image/png"/></item>
            </channel></rss>
            """
        let item = try #require(try FeedParser.parse(Array(xml.utf8), baseURL: nil).items.first)
        #expect(item.link == nil)
        #expect(item.imageURL == nil)
        #expect(item.identity.hasPrefix("title:"))
    }
}
