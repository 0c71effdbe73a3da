/// A parsed feed: its name, its home page and its items in document order.
public struct Feed: Sendable, Equatable {
    /// The feed's title as plain text (empty when the feed has none).
    public var title: String
    /// The site the feed belongs to, as an absolute `http`/`https` URL, when the feed names one.
    public var link: String?
    /// The items, in the order the document lists them (usually newest first).
    public var items: [FeedItem]

    /// A feed with the given fields; callers normally get feeds from ``FeedParser``.
    public init(title: String, link: String? = nil, items: [FeedItem]) {
        self.title = title
        self.link = link
        self.items = items
    }
}
