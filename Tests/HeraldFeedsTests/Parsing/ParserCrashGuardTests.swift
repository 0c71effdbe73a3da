import Foundation
import HeraldFeeds
import Testing

/// Foundation's `XMLParser` on Linux dereferences a null pointer for a processing instruction
/// without data; these documents used to stop the process (found by `scripts/fuzz fuzz-feed`).
@Suite("Processing instructions and entities that crash Foundation's XML parser")
struct ParserCrashGuardTests {
    private func rss(prologue: String = "", title: String = "News") -> String {
        prologue + #"<rss version="2.0"><channel><title>\#(title)</title>"#
            + "<item><title>One</title><link>https://example.org/1</link></item></channel></rss>"
    }

    private func parseError(_ bytes: [UInt8]) -> FeedError? {
        feedParseError(bytes)
    }

    @Test func theFuzzersCrashInputIsAnErrorNotACrash() {
        var bytes = Array(#"<?xU8?>F-"T"#.utf8) + [0x0A]
        bytes += Array(#"<rss version="2.0" xmlns:media="2http://seaahh.ricoo.com/mrss?"><channel>"#.utf8)
        bytes +=
            Array("<title>News</title>l-nk<e(ia:content url=\"https:/".utf8) + [0x01] + [UInt8](repeating: 0, count: 6)
        bytes += Array("j/ample.el></rs\">".utf8) + [0x09] + [UInt8](repeating: 0, count: 7) + [0x0A]
        #expect(parseError(bytes)?.kind == .invalidDocument)
    }

    @Test(arguments: ["<?xml-stylesheet?>", "<?xml-stylesheet ?>", "<?x\t\n?>", "<?a?><?b?>"])
    func emptyInstructionsAreReadAsIfTheyHadData(_ instruction: String) throws {
        let feed = try FeedParser.parse(Array(rss(prologue: instruction).utf8), baseURL: nil)
        #expect(feed.title == "News")
        #expect(feed.items.map(\.title) == ["One"])
    }

    @Test func instructionsInsideCDATAGetDataToo() throws {
        // libxml2's recovery from broken markup can end a CDATA section elsewhere, so the guard
        // does not trust context: the instruction in the text gets its character of data as well.
        let title = "<![CDATA[Read <?php?> here]]><!-- <?x?> -->"
        let feed = try FeedParser.parse(Array(rss(title: title).utf8), baseURL: nil)
        #expect(feed.title == "Read <?php _?> here")
    }

    @Test func anInstructionAfterABrokenOneIsStillFound() {
        let document = rss(title: "News<?>\n<f<?xU8?>")
        #expect(parseError(Array(document.utf8))?.kind == .invalidDocument)
    }

    @Test(arguments: [
        #"<!ENTITY e "&#60;?pi?&#62;">"#, #"<!ENTITY e "&#x3c;?pi?>">"#, #"<!ENTITY e "&#x3C;?pi?>">"#,
        #"<!ENTITY e '&#0000000060;?pi?>'>"#, #"<!ENTITY e "<b>bold</b>">"#,
        #"<!ENTITY % p "<!ENTITY e '&#60;?pi?>'>"> %p;"#,
    ])
    func entitiesWithMarkupAreRefusedWithTheirLine(_ declaration: String) throws {
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\(declaration)]>\n" + rss(title: "T&e;")
        let error = try #require(parseError(Array(document.utf8)))
        #expect(error.kind == .invalidDocument)
        #expect(error.description.contains("entity declaration whose value holds markup"))
        #expect(error.description.contains("(line 2)"))
    }

    @Test func entitiesForCharactersStillParse() throws {
        let document = #"<!DOCTYPE rss [<!ENTITY nbsp "&#160;"><!ENTITY copy '&#xA9;'>]>"# + rss()
        let feed = try FeedParser.parse(Array(document.utf8), baseURL: nil)
        #expect(feed.items.count == 1)
    }

    @Test(arguments: [true, false])
    func utf16DocumentsWithEmptyInstructionsAreRefused(bigEndian: Bool) throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<?pi?>" + rss()
        let bytes = text.utf16.flatMap { unit -> [UInt8] in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let error = try #require(parseError(bytes))
        #expect(error.description.contains("UTF-16"))
        #expect(error.description.contains("(line 2)"))
    }

    @Test func utf16DocumentsWithoutHazardsStillParse() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><?xml-stylesheet href=\"a.xsl\"?>" + rss()
        let bytes: [UInt8] =
            [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let feed = try FeedParser.parse(bytes, baseURL: nil)
        #expect(feed.title == "News")
    }

    @Test func legacyEncodingsAreConvertedBeforeParsing() throws {
        let text = "<?xml version=\"1.0\" encoding=\"windows-1251\"?>" + rss(title: "Новини")
        let bytes = try #require(text.data(using: .windowsCP1251))
        #expect(try FeedParser.parse(Array(bytes), baseURL: nil).title == "Новини")
    }

    @Test func aMalformedDeclarationNamingAnotherEncodingCannotSmuggleInvalidUTF8() throws {
        // libxml2 ignores this declaration and passes the bytes on unconverted; they are not UTF-8.
        let head = Array("<?xml version=\"1.0\"utf-8=\"1.0\" encoding=\"UTF-7\"?>\n<rss><channel><title>A".utf8)
        let bytes = head + [0xE0, 0xAA, 0x40] + Array("</title></channel></rss>".utf8)
        #expect(parseError(bytes)?.kind == .invalidDocument)
    }

    @Test func bytesInvalidInTheDeclaredEncodingAreNamedWithTheirLine() throws {
        let head = Array("<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n<rss><channel><title>".utf8)
        let error = try #require(parseError(head + [0xA1, 0x20] + Array("</title></channel></rss>".utf8)))
        #expect(error.description.contains("invalid EUC-JP at line 2"))
    }

    @Test func anASCIIDocumentLabelledUTF16IsReadAsUTF8() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + rss(title: "Новини")
        #expect(try FeedParser.parse(Array(text.utf8), baseURL: nil).title == "Новини")
    }
}
