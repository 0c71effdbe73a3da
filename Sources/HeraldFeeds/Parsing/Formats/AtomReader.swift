/// Reads Atom 1.0 (RFC 4287) documents, honouring `xml:base`.
enum AtomReader {
    /// The feed in `root`; relative links resolve against `xml:base`, else `baseURL`.
    static func read(_ root: FeedXMLElement, baseURL: String?) -> Feed {
        let feedAuthors = authors(of: root)
        let items = root.children("entry", XMLNamespace.atom).map { entry in
            item(from: entry, baseURL: baseURL, feedAuthors: feedAuthors).build()
        }
        return Feed(
            title: root.child("title", XMLNamespace.atom).map { AtomText.plain($0) } ?? "",
            link: alternateLink(in: root, baseURL: baseURL), items: items)
    }

    private static func item(from entry: FeedXMLElement, baseURL: String?, feedAuthors: [String]) -> RawFeedItem {
        let atom = XMLNamespace.atom
        var raw = RawFeedItem(base: entry.base ?? baseURL)
        raw.guid = entry.child("id", atom)?.trimmedText
        raw.link = alternateLink(in: entry, baseURL: baseURL)
        raw.title = entry.child("title", atom).map { AtomText.plain($0) }
        let contents = [entry.child("content", atom), entry.child("summary", atom)].compactMap { $0 }
            .filter { $0.attributes["src"] == nil }
        for content in contents {
            guard let body = AtomText.content(content) else { continue }
            switch body {
            case .html(let html): raw.html = html
            case .text(let text): raw.text = text
            }
            raw.contentBase = content.base
            break
        }
        let authors = authors(of: entry)
        raw.authors = authors.isEmpty ? feedAuthors : authors
        raw.published =
            [entry.child("published", atom), entry.child("updated", atom)]
            .lazy.compactMap { $0?.trimmedText.flatMap(FeedDate.parse) }.first
        raw.image = MediaImage.find(in: entry)
        return raw
    }

    /// The resolved `href` of the `link` with `rel="alternate"` (or no `rel`), preferring
    /// `type="text/html"`, in the Atom namespace; nil when there is none.
    static func alternateLink(in element: FeedXMLElement, baseURL: String?) -> String? {
        let links = element.children("link", XMLNamespace.atom).filter { link in
            (link.attributes["rel"] ?? "alternate") == "alternate" && link.attributes["href"] != nil
        }
        let best = links.first { $0.attributes["type"]?.lowercased() == "text/html" } ?? links.first
        guard let best, let href = best.attributes["href"] else { return nil }
        return WebURL.resolve(href, against: best.base ?? baseURL)
    }

    private static func authors(of element: FeedXMLElement) -> [String] {
        element.children("author", XMLNamespace.atom).compactMap { $0.child("name", XMLNamespace.atom)?.trimmedText }
    }
}
