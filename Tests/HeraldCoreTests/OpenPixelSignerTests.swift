import Foundation
import HeraldCore
import Testing

/// Open-pixel ids name the issue only, are the same for every reader, and only this
/// installation's ids check.
@Suite("Open pixel ids")
struct OpenPixelSignerTests {
    let signer = ClickLinkSigner(secret: "installation-secret-0123456789abcdef")

    @Test func anIdNamesTheIssueOnly() {
        let id = signer.openID(issueID: 42)
        #expect(signer.verifyOpen(id) == 42)
        #expect(id == signer.openID(issueID: 42))
        #expect(id.hasPrefix("42.") && id.split(separator: ".").count == 2)
        #expect(!id.contains("/") && !id.contains("?") && !id.contains("%"))
    }

    @Test func forgedAlteredForeignHostileAndMalformedIdsAreRefused() {
        let id = signer.openID(issueID: 42)
        let mac = String(id.split(separator: ".")[1])
        let foreign = ClickLinkSigner(secret: "another-installation-secret-000000")
        let refused = [
            foreign.openID(issueID: 42), "43." + mac, "042." + mac, "+42." + mac, "-42." + mac, "0." + mac,
            String(id.dropLast()), id + "x", id + ".x", "42", "42.", "." + mac, "", ".",
            "42.\(mac)\r\nSet-Cookie: x", "42' OR 1=1 --." + mac, "<script>." + mac, "\u{FFFD}." + mac,
            String(repeating: "9", count: 30) + "." + mac, String(repeating: "a", count: 5000),
            // A click id is not an open id, and an open id is not a click id.
            signer.id(issueID: 42, linkIndex: 0, linkCount: 1, url: "https://news.example/a"),
        ]
        for raw in refused { #expect(signer.verifyOpen(raw) == nil, "\(raw.prefix(80))") }
        #expect(signer.verify(id) == nil)
    }
}
