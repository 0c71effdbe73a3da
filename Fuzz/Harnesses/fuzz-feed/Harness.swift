import FuzzDriver
import HeraldFeeds

/// libFuzzer entry point: parses the input as a feed (RSS, Atom or JSON Feed) and sanitises it
/// as item HTML, then checks the promises the digest relies on: only the allowed elements and
/// attributes, only http(s) URLs, balanced output, and sanitising is idempotent.

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzFeed(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let feed = try? FeedParser.parse(bytes, baseURL: "https://news.example.org/feed.xml") {
        require(feed.items.count <= FeedParser.maximumItems, "more items than the limit")
        for item in feed.items {
            checkSafeHTML(item.summaryHTML)
            for url in [item.link, item.imageURL].compactMap({ $0 }) {
                require(isWebURL(url), "non-web URL kept: \(String(reflecting: url))")
            }
        }
    }
    let html = String(decoding: bytes, as: UTF8.self)
    let sanitized = HTMLSanitizer.sanitize(html, baseURL: "https://news.example.org/")
    checkSafeHTML(sanitized)
    require(
        HTMLSanitizer.sanitize(sanitized, baseURL: "https://news.example.org/") == sanitized,
        "sanitising is not idempotent for \(String(reflecting: sanitized))")
    _ = HTMLSanitizer.plainText(html)
    return 0
}

private let allowed: [String: Set<String>] = [
    "p": [], "br": [], "a": ["href"], "strong": [], "b": [], "em": [], "i": [], "ul": [], "ol": [], "li": [],
    "blockquote": [], "h2": [], "h3": [], "h4": [], "img": ["src", "alt", "width", "height"], "figure": [],
    "figcaption": [], "code": [], "pre": [],
]

/// Reads the sanitiser's output as `<name attr="value" ...>` / `</name>` tags and text, and fails
/// on anything else: a raw `<`, `>` or `"` outside that grammar means markup could escape.
/// Reads Unicode scalars, as an HTML tokenizer does: a `>` followed by a combining mark is one
/// `Character` in Swift but still ends the tag.
private func checkSafeHTML(_ html: String) {
    var open: [String] = []
    var rest = Substring(html).unicodeScalars
    while let lt = rest.firstIndex(of: "<") {
        require(!rest[..<lt].contains(">"), "raw '>' in text of \(String(reflecting: html))")
        guard let gt = rest[lt...].firstIndex(of: ">") else {
            fatalError("unclosed tag in \(String(reflecting: html))")
        }
        let tag = rest[rest.index(after: lt)..<gt]
        rest = rest[rest.index(after: gt)...]
        if tag.first == "/" {
            let name = String(tag.dropFirst())
            require(open.popLast() == name, "unbalanced </\(name)> in \(String(reflecting: html))")
            continue
        }
        let name = String(tag.prefix { $0 != " " })
        guard let attributes = allowed[name] else {
            fatalError("element <\(name)> kept in \(String(reflecting: html))")
        }
        checkAttributes(tag.dropFirst(name.unicodeScalars.count), allowed: attributes, in: html)
        if name != "br" && name != "img" { open.append(name) }
    }
    require(!rest.contains(">"), "raw '>' in text of \(String(reflecting: html))")
    require(open.isEmpty, "unclosed elements \(open) in \(String(reflecting: html))")
}

private func checkAttributes(_ text: Substring.UnicodeScalarView, allowed: Set<String>, in html: String) {
    var rest = text
    while !rest.isEmpty {
        require(rest.first == " ", "malformed attributes in \(String(reflecting: html))")
        rest = rest.dropFirst()
        guard let equals = rest.firstIndex(of: "=") else {
            fatalError("attribute without value in \(String(reflecting: html))")
        }
        let name = String(rest[..<equals])
        require(allowed.contains(name), "attribute \(name) kept in \(String(reflecting: html))")
        rest = rest[rest.index(after: equals)...]
        require(rest.first == "\"", "unquoted attribute in \(String(reflecting: html))")
        rest = rest.dropFirst()
        guard let close = rest.firstIndex(of: "\"") else {
            fatalError("unterminated attribute in \(String(reflecting: html))")
        }
        let value = String(rest[..<close])
        if name == "href" || name == "src" {
            require(isWebURL(value), "non-web \(name) \(String(reflecting: value))")
        }
        rest = rest[rest.index(after: close)...]
    }
}

private func isWebURL(_ url: String) -> Bool {
    let lowered = url.lowercased()
    return (lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) && !url.contains(where: \.isWhitespace)
}
