import Foundation
@testable import HeraldFeeds
import Testing

@Test func zzPerf() throws {
    let html = String(repeating: "<p>Lorem ipsum <a href=\"/x?a=1&amp;b=2\">dolor</a> sit &mdash; amet, <b>consectetur</b> adipiscing.</p>", count: 15)
    let item = "<item><title>T &amp; x</title><link>/p</link><description><![CDATA[\(html)]]></description><pubDate>Wed, 01 May 2024 09:30:00 GMT</pubDate></item>"
    let xml = "<rss><channel><title>x</title><link>https://e.example/</link>" + String(repeating: item, count: 5000) + "</channel></rss>"
    let bytes = Array(xml.utf8)
    let clock = ContinuousClock()
    var root: FeedXMLElement?
    print("PERF xml", try clock.measure { root = try FeedXMLDocument.parse(bytes, baseURL: nil, maximumItems: 10000) })
    print("PERF repair", clock.measure { _ = XMLEntityRepair.replacingHTMLEntities(in: bytes) })
    print("PERF utf8", clock.measure { _ = UTF8Check.firstInvalidByte(in: bytes) })
    print("PERF tokenize 5000", clock.measure { for _ in 0..<5000 { for _ in HTMLTokenizer(html) {} } })
    print("PERF sanitize 5000", clock.measure { for _ in 0..<5000 { _ = HTMLSanitizer.sanitize(html, baseURL: "https://e.example/p") } })
    let clean = HTMLSanitizer.sanitize(html, baseURL: "https://e.example/p")
    print("PERF plain 5000", clock.measure { for _ in 0..<5000 { _ = HTMLSanitizer.plainText(clean) } })
    print("PERF weburl 75000", clock.measure { for _ in 0..<75000 { _ = WebURL.resolve("/x?a=1&b=2", against: "https://e.example/p") } })
    print("PERF read", clock.measure { _ = RSSReader.read(root!, baseURL: nil) })
}
