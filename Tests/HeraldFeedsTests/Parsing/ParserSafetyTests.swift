import Foundation
import HeraldFeeds
import Testing

@Suite("Parser limits and hostile documents")
struct ParserSafetyTests {
    private func parseError(_ text: String) -> FeedError? {
        parseError(Array(text.utf8))
    }

    private func parseError(_ bytes: [UInt8]) -> FeedError? {
        feedParseError(bytes)
    }

    @Test func malformedXMLNamesTheLineAndProblem() throws {
        let xml = "<?xml version=\"1.0\"?>\n<rss>\n<channel>\n<title>News</titel>\n</channel>\n</rss>"
        let error = try #require(parseError(xml))
        #expect(error.kind == .invalidDocument)
        #expect(error.description.hasPrefix("feed: not well-formed XML at line 4: "))
        #expect(error.description.contains("closing tag does not match"))
    }

    @Test func aBareAmpersandIsExplained() throws {
        let error = try #require(parseError("<rss>\n<channel><title>AT&T</title></channel></rss>"))
        #expect(error.description.contains("line 2"))
        #expect(error.description.contains("&amp;"))
    }

    @Test func aTruncatedDocumentIsMalformed() throws {
        let error = try #require(parseError("<rss><channel><title>Cut off"))
        #expect(error.kind == .invalidDocument)
        #expect(error.description.hasPrefix("feed: not well-formed XML"))
    }

    @Test func otherXMLIsNotAFeed() throws {
        let error = try #require(parseError("<?xml version=\"1.0\"?><sitemap><url/></sitemap>"))
        #expect(error.kind == .notAFeed)
        #expect(error.description == "feed: neither RSS, Atom nor JSON Feed: the root element is <sitemap>")
    }

    @Test func anHTMLPageIsNotAFeedAndSaysSo() throws {
        let error = try #require(parseError("<!DOCTYPE html>\n<html><head><title>Home</title></head></html>"))
        #expect(error.kind == .notAFeed)
        #expect(error.description.contains("web page"))
    }

    @Test func plainTextAndEmptyDocumentsAreRejected() throws {
        #expect(try #require(parseError("Hello, world")).kind == .notAFeed)
        #expect(try #require(parseError(" \n ")).description == "feed: the document is empty")
    }

    @Test func invalidUTF8IsReportedWithItsLine() throws {
        let bytes = Array("<rss>\n<channel>\n<title>".utf8) + [0xC3, 0x28] + Array("</title></channel></rss>".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.kind == .invalidDocument)
        #expect(
            error.description
                == "feed: invalid UTF-8 at line 3 (byte offset 23); the document declares no other encoding")
    }

    // Found by Fuzz/Harnesses/fuzz-feed: NUL bytes at the start skipped the UTF-8 check, and
    // FoundationXML stopped the process on the invalid UTF-8 that libxml2 then passed on.
    @Test(
        arguments: [[0x3C, 0xC7, 0x00, 0x75, 0x74], [0x3C, 0x00, 0x00, 0x2F], [0xFF, 0xFE, 0x3C, 0x00, 0x00, 0xD8]]
            as [[UInt8]])
    func documentsThatAreNeitherUTF8NorUTF16AreRejected(bytes: [UInt8]) throws {
        let error = try #require(parseError(bytes))
        #expect(error.kind == .invalidDocument)
        #expect(error.description.contains("neither UTF-8 nor well-formed UTF-16"))
    }

    // Found by Fuzz/Harnesses/fuzz-feed: an encoding no converter knows skipped the UTF-8 check too.
    @Test func anUnknownDeclaredEncodingIsHeldToUTF8() throws {
        let bytes =
            Array(#"<?xml version="1.0" encoding="Ung="?><rss><channel><title>"#.utf8) + [0xC7, 0x28]
            + Array("</title></channel></rss>".utf8)
        #expect(try #require(parseError(bytes)).kind == .invalidDocument)
    }

    /// Found by fuzz-feed: `encoding="utf-8="` is no encoding name (libxml2 ignores it) but iconv
    /// accepted it, so the document skipped the UTF-8 check and invalid UTF-8 in element names
    /// reached FoundationXML, which stops the process.
    @Test func aMalformedEncodingNameIsHeldToUTF8() throws {
        for declared in ["utf-8=", "utf-8 ", "8bit", "utf-8\"1.0"] {
            let bytes =
                Array("<?xml version=\"1.0\" encoding=\"\(declared)\"?><rss><channel><title".utf8) + [0xCA, 0xCA]
                + Array(">x</title></channel></rss>".utf8)
            #expect(try #require(parseError(bytes)).kind == .invalidDocument, "\(declared)")
        }
    }

    @Test func aDeclaredLegacyEncodingIsStillConverted() throws {
        let bytes =
            Array(#"<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>"#.utf8) + [
                0xCD, 0xEE, 0xE2, 0xE8, 0xED, 0xE8,
            ]
            + Array("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(bytes, baseURL: nil).title == "Новини")
    }

    @Test func utf16FeedsWithAByteOrderMarkAreRead() throws {
        let xml =
            #"<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Новини</title>"#
            + "<item><title>Один</title><link>https://news.example.org/1</link></item></channel></rss>"
        let bytes: [UInt8] = [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let feed = try FeedParser.parse(bytes, baseURL: nil)
        #expect(feed.title == "Новини")
        #expect(feed.items.map(\.title) == ["Один"])
    }

    @Test func invalidUTF8InJSONIsRejected() throws {
        let bytes =
            Array(#"{"version": "https://jsonfeed.org/version/1.1", "title": ""#.utf8) + [0xFF] + Array(#""}"#.utf8)
        #expect(try #require(parseError(bytes)).description.hasPrefix("feed: invalid UTF-8 in JSON"))
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <rss><channel><title>T&e;</title>
            <item><title>Leak: &e;</title><description>&e;</description></item></channel></rss>
            """
        do {
            let feed = try FeedParser.parse(Array(xml.utf8), baseURL: nil)
            let everything = ([feed.title] + feed.items.flatMap { [$0.title, $0.summaryHTML, $0.summaryText] }).joined()
            #expect(!everything.contains("root:"))
            #expect(!everything.contains("/bin/"))
        } catch {
            #expect(error.kind == .invalidDocument)  // refusing is as good as not expanding
        }
    }

    @Test func parameterEntitiesAndEntityExpansionAreNotFollowed() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;
            <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <rss><channel><title>&c;</title></channel></rss>
            """
        do {
            let feed = try FeedParser.parse(Array(xml.utf8), baseURL: nil)
            #expect(feed.title.count < 100)
        } catch {
            #expect(!error.description.contains("root:"))
        }
    }

    @Test func documentsOverTenMegabytesAreRejectedBeforeParsing() throws {
        var bytes = Array("<rss><channel><title>".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: FeedParser.maximumBytes)
        bytes += Array("</title></channel></rss>".utf8)
        let clock = ContinuousClock()
        var error: FeedError?
        let elapsed = clock.measure { error = parseError(bytes) }
        #expect(error?.kind == .tooLarge)
        #expect(error?.description.contains("10 MiB") == true)
        #expect(elapsed < .seconds(1))
    }

    @Test func moreThanTenThousandItemsAreRejected() throws {
        let error = try #require(parseError(RSSFixtures.withItems(FeedParser.maximumItems + 1)))
        #expect(error.kind == .tooLarge)
        #expect(error.description.contains("more than 10000 items"))
        #expect(try FeedParser.parse(Array(RSSFixtures.withItems(100).utf8), baseURL: nil).items.count == 100)
    }

    @Test func jsonFeedsWithTooManyItemsAreRejected() throws {
        let items = Array(repeating: #"{"id": "x"}"#, count: FeedParser.maximumItems + 1).joined(separator: ",")
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "items": ["# + items + "]}"
        #expect(try #require(parseError(json)).kind == .tooLarge)
    }

    @Test func guidlessItemsAreIdentifiedByTheirLinks() throws {
        let xml = """
            <rss><channel><title>t</title><link>https://site.example/</link>
            <item><title>A</title><link>/a</link></item>
            <item><title>B</title><link>https://www.site.example/b/#comments</link></item>
            </channel></rss>
            """
        let items = try FeedParser.parse(Array(xml.utf8), baseURL: nil).items
        #expect(items.map(\.identity) == ["https://site.example/a", "https://www.site.example/b/#comments"])
        #expect(items.map(\.linkIdentity) == ["site.example/a", "site.example/b"])
    }
}
