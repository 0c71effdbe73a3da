import Foundation
import HeraldCore
import Testing

/// Tracked link ids reach only URLs this installation signed, and aggregate ids name no reader.
@Suite("Click link ids")
struct ClickLinkSignerTests {
    let signer = ClickLinkSigner(secret: "installation-secret-0123456789abcdef")

    @Test func anIdNamesTheIssueTheLinkAndItsURL() throws {
        let id = signer.id(issueID: 7, linkIndex: 1, linkCount: 3, url: "https://news.example/a?b=1&c=ü")
        let target = try #require(signer.verify(id))
        #expect(target == ClickTarget(issueID: 7, linkIndex: 1, linkCount: 3, url: "https://news.example/a?b=1&c=ü"))
        #expect(id == signer.id(issueID: 7, linkIndex: 1, linkCount: 3, url: "https://news.example/a?b=1&c=ü"))
        #expect(!id.contains("/") && !id.contains("?") && !id.contains("%"))
    }

    @Test func aSubscriberTagNamesTheReaderOnlyForThatIssue() throws {
        let id = signer.id(issueID: 7, linkIndex: 0, linkCount: 1, url: "https://news.example/a")
        let tagged = id + signer.subscriberTag(issueID: 7, subscriberID: 42)
        #expect(signer.verify(tagged)?.subscriberID == 42)
        let otherIssue = signer.id(issueID: 8, linkIndex: 0, linkCount: 1, url: "https://news.example/a")
        #expect(signer.verify(otherIssue + signer.subscriberTag(issueID: 7, subscriberID: 42)) == nil)
        #expect(signer.verify(id + "~43." + tagged.split(separator: ".").last!) == nil)
    }

    @Test func forgedAlteredForeignAndMalformedIdsAreRefused() {
        let id = signer.id(issueID: 7, linkIndex: 0, linkCount: 2, url: "https://news.example/a")
        let foreign = ClickLinkSigner(secret: "another-installation-secret-000000")
        var refused = [
            foreign.id(issueID: 7, linkIndex: 0, linkCount: 2, url: "https://news.example/a"),
            id.replacingOccurrences(of: "7.0.2.", with: "7.1.2."), String(id.dropLast()), id + "x", id + "~",
            id + "~1", id + "~1.x~2.y", "", ".", "....", String(repeating: "a", count: 5000),
        ]
        // Signed, but not web URLs: never redirected to.
        for url in ["javascript:alert(1)", "https://a.example/\r\nSet-Cookie: x", "//evil.example", "ftp://x"] {
            refused.append(signer.id(issueID: 1, linkIndex: 0, linkCount: 1, url: url))
        }
        for raw in refused { #expect(signer.verify(raw) == nil, "\(raw.prefix(80))") }
    }
}
