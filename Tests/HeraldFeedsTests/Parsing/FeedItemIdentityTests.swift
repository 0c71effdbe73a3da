import HeraldFeeds
import Testing

@Suite("Item identity")
struct FeedItemIdentityTests {
    @Test func guidComesFirstThenLinkThenTitleHash() {
        #expect(FeedItem(guid: "g", link: "https://a.example/x", title: "T").identity == "g")
        #expect(FeedItem(guid: "", link: "https://a.example/x", title: "T").identity == "https://a.example/x")
        let hashed = FeedItem(title: "Hello").identity
        #expect(hashed == "title:" + "63f0bfacf2c00f6b")  // FNV-1a 64 of "Hello"
        #expect(FeedItem(title: "Hello").identity == hashed)
        #expect(FeedItem(title: "Hello!").identity != hashed)
    }

    @Test(
        "equivalent links share a link identity",
        arguments: [
            "https://www.Example.org/news/1/", "http://example.org/news/1", "https://example.org:443/news/1#comments",
            "https://example.org/news/1?utm_source=rss&utm_medium=feed", "https://example.org/news/1?fbclid=abc",
        ])
    func equivalentLinks(link: String) {
        #expect(FeedItem(link: link, title: "x").linkIdentity == "example.org/news/1")
    }

    @Test func differentArticlesKeepDifferentLinkIdentities() {
        #expect(
            FeedItem(link: "https://example.org/news/1?page=2", title: "x").linkIdentity == "example.org/news/1?page=2")
        #expect(FeedItem(link: "https://example.org:8443/news/1", title: "x").linkIdentity == "example.org:8443/news/1")
        #expect(FeedItem(link: "https://example.org/News/1", title: "x").linkIdentity == "example.org/News/1")
        #expect(FeedItem(link: "https://example.org", title: "x").linkIdentity == "example.org/")
        #expect(FeedItem(title: "x").linkIdentity == nil)
    }
}
