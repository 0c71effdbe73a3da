import Foundation

/// One article in a digest, as taken from the feed (HTML already sanitised) and kept with the issue.
public struct DigestArticle: Sendable, Equatable, Codable {
    /// Stable identity: the feed's GUID, else the link.
    public var identity: String
    /// Normalised link, so a feed that rewrites GUIDs but keeps links does not re-send.
    public var linkIdentity: String?
    public var title: String
    public var link: String?
    public var summaryHTML: String
    public var summaryText: String
    public var author: String?
    public var published: Date?
    public var imageURL: String?

    public init(
        identity: String, linkIdentity: String?, title: String, link: String?, summaryHTML: String,
        summaryText: String, author: String?, published: Date?, imageURL: String?
    ) {
        self.identity = identity
        self.linkIdentity = linkIdentity
        self.title = title
        self.link = link
        self.summaryHTML = summaryHTML
        self.summaryText = summaryText
        self.author = author
        self.published = published
        self.imageURL = imageURL
    }
}
