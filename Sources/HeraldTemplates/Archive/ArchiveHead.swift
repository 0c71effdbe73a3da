/// What an archive page tells browsers, search engines and link previews about itself.
public struct ArchiveHead: Sendable, Equatable {
    /// The page's one public address (`<link rel="canonical">`, `og:url`).
    public var canonicalURL: String
    /// `<meta name="description">` and `og:description`.
    public var description: String
    /// The newsletter's Atom feed (`<link rel="alternate">`).
    public var feedURL: String
    /// Whether search engines are asked not to index the page.
    public var noindex: Bool

    /// An archive page head.
    public init(canonicalURL: String, description: String, feedURL: String, noindex: Bool) {
        self.canonicalURL = canonicalURL
        self.description = description
        self.feedURL = feedURL
        self.noindex = noindex
    }
}

extension ArchiveHead {
    /// Keys: `canonical_url`, `meta_description` (at most 300 characters), `feed_url`, `noindex`.
    var templateValues: TemplateValues {
        [
            "canonical_url": canonicalURL,
            "meta_description": String(description.prefix(300)),
            "feed_url": feedURL,
            "noindex": noindex,
        ]
    }
}
