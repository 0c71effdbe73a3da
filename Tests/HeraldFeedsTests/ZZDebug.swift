import HeraldFeeds
import Testing

@Test func zzDebugDump() throws {
    for input in HostileHTML.cases {
        print("IN : \(input.debugDescription)\nOUT: \(HTMLSanitizer.sanitize(input, baseURL: "https://feeds.example/post/").debugDescription)\nTXT: \(HTMLSanitizer.plainText(input).debugDescription)\n")
    }
    let feed = try FeedParser.parse(Array(RSSFixtures.newsroom.utf8), baseURL: "https://news.example.org/feed.xml")
    for item in feed.items { print(item, "\n") }
}
