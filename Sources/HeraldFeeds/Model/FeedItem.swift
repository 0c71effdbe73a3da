import Foundation

/// One article from a feed, already made safe to put into a digest mail.
///
/// Every URL in an item is absolute and uses `http` or `https`; anything else the feed offered
/// (relative links that could not be resolved, `javascript:` and other schemes) is left out.
public struct FeedItem: Sendable, Equatable {
    /// The feed's own identifier for the item (RSS `guid`, Atom `id`, JSON Feed `id`), when it gives one.
    public var guid: String?
    /// The article's absolute `http`/`https` address.
    public var link: String?
    /// Headline as plain text. When the feed gives none, the start of the summary text stands in.
    public var title: String
    /// The item's content as sanitised HTML (see ``HTMLSanitizer``); safe to embed in a mail as is.
    public var summaryHTML: String
    /// The same content as readable plain text: paragraphs separated by blank lines, links as "text (url)".
    public var summaryText: String
    /// Author name(s), when the feed names any.
    public var author: String?
    /// Publication time (or, failing that, the last update), when the feed gives a date it can be read.
    public var published: Date?
    /// An illustration: `media:content`/`media:thumbnail`, an image enclosure, or a JSON Feed `image`.
    public var imageURL: String?

    /// An item with the given fields; callers normally get items from ``FeedParser``.
    public init(
        guid: String? = nil, link: String? = nil, title: String, summaryHTML: String = "", summaryText: String = "",
        author: String? = nil, published: Date? = nil, imageURL: String? = nil
    ) {
        self.guid = guid
        self.link = link
        self.title = title
        self.summaryHTML = summaryHTML
        self.summaryText = summaryText
        self.author = author
        self.published = published
        self.imageURL = imageURL
    }
}
