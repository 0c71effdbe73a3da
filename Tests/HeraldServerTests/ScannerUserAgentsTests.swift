import Testing

@testable import HeraldApp
@testable import HeraldServer

/// Which clicks and opens count as a reader's: the scanner list (HTTP) and the network a burst is grouped by.
struct ScannerUserAgentsTests {
    @Test func theScannerListKnowsCommonScannersAndLetsBrowsersThrough() {
        for agent in [
            nil, "", "Mozilla/5.0 (compatible; Mimecast Link Scanner)", "BingPreview/1.0b", "curl/8.5.0",
            "Mozilla/5.0 HeadlessChrome/131.0", "facebookexternalhit/1.1", "python-requests/2.31",
        ] {
            #expect(ScannerUserAgents.isScanner(agent), "\(agent ?? "nil")")
        }
        let browsers = [
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
        ]
        for agent in browsers { #expect(!ScannerUserAgents.isScanner(agent)) }
        // Case-insensitive, anywhere in the first kilobyte; hostile bytes are just bytes.
        #expect(ScannerUserAgents.isScanner("Mozilla/5.0 (compatible; MIMECAST)"))
        #expect(ScannerUserAgents.isScanner("Ünïcödé \u{0}\r\n curl/8"))
        #expect(ScannerUserAgents.isScanner(String(repeating: "x", count: 10) + "crawler"))
        #expect(!ScannerUserAgents.isScanner(String(repeating: "a", count: 2000) + "crawler"))
        #expect(!ScannerUserAgents.isScanner("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0 ÜBER"))
        #expect(!ScannerUserAgents.isScanner("crawle"))
        #expect(ClickNetwork.of("203.0.113.77") == "203.0.113")
        #expect(ClickNetwork.of("2001:db8:1:2::5") == "2001:db8:1")
    }
}
