/// Reads RSS 2.0 (and 0.9x, and RSS 1.0/RDF) documents, with the `content`, `dc`, `media` and
/// Atom extensions feeds commonly add.
enum RSSReader {
    /// The feed in `root`; relative links resolve against `xml:base`, else the channel's link,
    /// else `baseURL` (where the document came from).
    static func read(_ root: FeedXMLElement, baseURL: String?) -> Feed {
        let channel = root.rss("channel") ?? root
        let link = channel.rss("link")?.trimmedText.flatMap { WebURL.resolve($0, against: channel.base ?? baseURL) }
        let items = (channel.rssChildren("item") + (root.name == "RDF" ? root.rssChildren("item") : []))
            .map { item(from: $0, base: $0.base ?? link ?? baseURL).build() }
        return Feed(title: channel.rss("title").map { FeedText.rssTitle($0.text) } ?? "", link: link, items: items)
    }

    private static func item(from item: FeedXMLElement, base: String?) -> RawFeedItem {
        var raw = RawFeedItem(base: base)
        let guid = item.rss("guid")
        raw.guid = guid?.trimmedText ?? item.attributes["rdf:about"]
        raw.link = item.rss("link")?.trimmedText ?? AtomReader.alternateLink(in: item, baseURL: base)
        if raw.link == nil, guid?.attributes["isPermaLink"]?.lowercased() != "false", let id = raw.guid,
            WebURL.isWeb(id)
        {
            raw.link = id
        }
        raw.title = item.rss("title").map { FeedText.rssTitle($0.text) }
        raw.html = item.child("encoded", XMLNamespace.content)?.trimmedText ?? item.rss("description")?.text
        raw.authors = item.children("creator", XMLNamespace.dublinCore).compactMap(\.trimmedText)
        if raw.authors.isEmpty, let author = item.rss("author")?.trimmedText { raw.authors = [personName(author)] }
        raw.published =
            [
                item.rss("pubDate"), item.child("date", XMLNamespace.dublinCore),
                item.child("published", XMLNamespace.atom), item.child("updated", XMLNamespace.atom),
            ]
            .lazy.compactMap { $0?.trimmedText.flatMap(FeedDate.parse) }.first
        raw.image = MediaImage.find(in: item)
        return raw
    }

    /// RSS `author` is "email (Name)"; the name alone reads better in a mail.
    private static func personName(_ author: String) -> String {
        guard author.contains("@"), let open = author.firstIndex(of: "("), author.hasSuffix(")") else { return author }
        let name = author[author.index(after: open)..<author.index(before: author.endIndex)]
        return name.isEmpty ? author : String(name)
    }
}

extension FeedXMLElement {
    /// The first child called `name` in no namespace or the RSS 1.0/0.90 namespace.
    func rss(_ name: String) -> FeedXMLElement? {
        elements.first { $0.name == name && XMLNamespace.isRSS($0.namespace) }
    }

    /// All children called `name` in no namespace or the RSS 1.0/0.90 namespace.
    func rssChildren(_ name: String) -> [FeedXMLElement] {
        elements.filter { $0.name == name && XMLNamespace.isRSS($0.namespace) }
    }
}
