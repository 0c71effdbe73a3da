import Foundation
import HeraldFeeds
import Testing

@Suite("Atom parsing")
struct AtomParserTests {
    let feed: Feed

    init() throws {
        feed = try FeedParser.parse(Array(AtomFixtures.blog.utf8), baseURL: "https://blog.example.com/atom.xml")
    }

    @Test func readsFeedTitleAndAlternateLink() {
        #expect(feed.title == "Dev Notes")
        #expect(feed.link == "https://blog.example.com/")
        #expect(feed.items.count == 3)
    }

    @Test func xhtmlContentIsSerialisedSanitisedAndResolvedAgainstXMLBase() {
        let item = feed.items[0]
        #expect(item.link == "https://blog.example.com/posts/xhtml")
        #expect(
            item.summaryHTML.contains(
                "<p>Hello <b>world</b><br>and <a href=\"https://blog.example.com/posts/xhtml#more\">more</a>.</p>"))
        #expect(item.summaryHTML.contains("<img alt=\"A picture\" src=\"https://blog.example.com/posts/pic.png\">"))
        #expect(!item.summaryHTML.contains("onclick"))
        #expect(!item.summaryHTML.contains("Plain summary"))
    }

    @Test func prefersPublishedOverUpdatedAndJoinsAuthors() {
        let item = feed.items[0]
        #expect(item.published == Date(timeIntervalSince1970: 1_714_550_400))  // 2024-05-01T08:00:00Z
        #expect(item.author == "Ada, Grace")
        #expect(item.guid == "tag:blog.example.com,2024:1")
    }

    @Test func htmlContentIsSanitised() {
        let item = feed.items[1]
        #expect(item.title == "HTML entry & friends")
        #expect(item.summaryHTML == "<p>Escaped <i>HTML</i></p>")
        #expect(item.published == Date(timeIntervalSince1970: 1_714_640_400.25))
        #expect(item.imageURL == "https://blog.example.com/thumb.jpg")
    }

    @Test func entriesWithoutAuthorInheritTheFeedAuthor() {
        #expect(feed.items[1].author == "Feed Author")
    }

    @Test func textSummaryBecomesEscapedParagraphs() {
        let item = feed.items[2]
        #expect(item.link == "https://blog.example.com/posts/text")
        #expect(item.summaryHTML == "<p>First line &lt;not a tag&gt;</p><p>Second paragraph.</p>")
        #expect(item.summaryText == "First line <not a tag>\n\nSecond paragraph.")
    }

    @Test func aFeedWithoutTheAtomNamespaceIsNotAtom() {
        #expect(throws: FeedError.self) {
            try FeedParser.parse(Array("<feed><title>x</title></feed>".utf8), baseURL: nil)
        }
    }
}
