import Testing

@testable import HeraldFeeds

@Suite("Web URL resolution")
struct WebURLTests {
    @Test(
        "accepts and resolves web URLs",
        arguments: [
            ("https://example.org/a", nil, "https://example.org/a"),
            ("  http://example.org/a\n", nil, "http://example.org/a"),
            ("/a/b?c=1#d", "https://example.org/x/y", "https://example.org/a/b?c=1#d"),
            ("../up", "https://example.org/x/y/z", "https://example.org/x/up"),
            ("//cdn.example/i.png", "http://example.org/", "http://cdn.example/i.png"),
            ("ü/a b.png", "https://example.org/dir/", "https://example.org/dir/%C3%BC/a%20b.png"),
        ] as [(String, String?, String)])
    func resolves(raw: String, base: String?, expected: String) {
        #expect(WebURL.resolve(raw, against: base) == expected)
    }

    @Test(
        "rejects everything else",
        arguments: [
            ("javascript:alert(1)", "https://example.org/"), ("JAVASCRIPT:alert(1)", nil), ("data:image/png,xx", nil),
            ("mailto:a@example.org", nil), ("ftp://example.org/f", nil), ("file:///etc/passwd", nil),
            ("relative/path", nil), ("relative", "/local/feed.xml"), ("", "https://example.org/"),
            ("https://", nil), ("java\u{1}script:x", "https://example.org/"),
            ("`javascript:x`", "https://example.org/"),
        ] as [(String, String?)])
    func rejects(raw: String, base: String?) {
        #expect(WebURL.resolve(raw, against: base) == nil)
    }
}
