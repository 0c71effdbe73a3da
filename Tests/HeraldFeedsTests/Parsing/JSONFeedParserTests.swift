import Foundation
import HeraldFeeds
import Testing

@Suite("JSON Feed parsing")
struct JSONFeedParserTests {
    let feed: Feed

    init() throws {
        feed = try FeedParser.parse(
            Array(JSONFeedFixtures.version11.utf8), baseURL: "https://pod.example.net/feed.json")
    }

    @Test func readsTheFeed() {
        #expect(feed.title == "Podcast Notes")
        #expect(feed.link == "https://pod.example.net/")
        #expect(feed.items.count == 3)
    }

    @Test func contentHTMLIsSanitisedAndPreferredOverText() {
        let item = feed.items[0]
        #expect(item.summaryHTML == "<p>Show notes with <a href=\"https://pod.example.net/links\">links</a></p>")
        #expect(item.summaryText == "Show notes with links (https://pod.example.net/links)")
        #expect(item.imageURL == "https://pod.example.net/art/1.jpg")
        #expect(item.author == "Host One, Host Two")
        #expect(item.published == Date(timeIntervalSince1970: 1_714_561_200))  // 2024-05-01T11:00:00Z
    }

    @Test func contentTextIsEscapedAndNumericIDsAccepted() {
        let item = feed.items[1]
        #expect(item.guid == "2")
        #expect(
            item.summaryHTML
                == "<p>Plain text notes.</p><p>Second paragraph with &lt;angle brackets&gt; &amp; ampersand.</p>")
        #expect(item.title == "Plain text notes.")
        #expect(item.author == "Feed Team")
        #expect(item.published == Date(timeIntervalSince1970: 1_714_629_600))
    }

    @Test func fallsBackToExternalURLSummaryAndBannerImage() {
        let item = feed.items[2]
        #expect(item.link == "https://elsewhere.example.org/story")
        #expect(item.summaryText == "Just a summary.")
        #expect(item.imageURL == "https://pod.example.net/banner.png")
    }

    @Test func readsVersion1WithASingleAuthor() throws {
        let feed = try FeedParser.parse(Array(JSONFeedFixtures.version10.utf8), baseURL: nil)
        #expect(feed.items.map(\.author) == ["Solo Writer"])
        #expect(feed.items.map(\.summaryText) == ["Text"])
    }

    @Test func jsonWithoutAJSONFeedVersionIsNotAFeed() {
        #expect {
            try FeedParser.parse(Array(#"{"items": []}"#.utf8), baseURL: nil)
        } throws: { error in
            (error as? FeedError)?.kind == .notAFeed && "\(error)".contains("neither RSS, Atom nor JSON Feed")
        }
    }

    @Test func brokenJSONIsAnInvalidDocument() {
        #expect {
            try FeedParser.parse(
                Array(#"{"version": "https://jsonfeed.org/version/1.1", "items": [}"#.utf8), baseURL: nil)
        } throws: { error in
            (error as? FeedError)?.kind == .invalidDocument && "\(error)".hasPrefix("feed: invalid JSON")
        }
    }
}
