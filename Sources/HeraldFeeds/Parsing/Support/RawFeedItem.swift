import Foundation

/// An item as a reader found it, before links are resolved and content sanitised.
struct RawFeedItem {
    var guid: String?
    /// The article link as written (possibly relative).
    var link: String?
    /// The headline, already plain text (readers convert HTML titles themselves).
    var title: String?
    /// Untrusted HTML content.
    var html: String?
    /// Plain-text content, used when there is no HTML.
    var text: String?
    var authors: [String] = []
    var published: Date?
    /// An image URL as written (possibly relative).
    var image: String?
    /// What `link` and `image` resolve against.
    var base: String?
    /// What URLs in `html` resolve against, when the feed says (`xml:base`); else the resolved
    /// link, else `base`.
    var contentBase: String?

    /// The finished item: links resolved (non-web links dropped), content sanitised and rendered
    /// as text, and a title made from the text when the feed gave none.
    func build() -> FeedItem {
        let link = self.link.flatMap { WebURL.resolve($0, against: base) }
        let summaryHTML: String
        if let html, !html.trimmingHTMLWhitespace.isEmpty {
            summaryHTML = HTMLSanitizer.sanitize(html, baseURL: contentBase ?? link ?? base).trimmingHTMLWhitespace
        } else if let text {
            summaryHTML = FeedText.paragraphsHTML(text)
        } else {
            summaryHTML = ""
        }
        let summaryText = HTMLSanitizer.plainText(summaryHTML)
        var names: [String] = []
        for name in authors.map(FeedText.collapsed) where !name.isEmpty && !names.contains(name) { names.append(name) }
        let guid = self.guid?.trimmingHTMLWhitespace
        return FeedItem(
            guid: guid?.isEmpty == false ? guid : nil,
            link: link,
            title: FeedText.title(title, fallback: summaryText, link: link),
            summaryHTML: summaryHTML,
            summaryText: summaryText,
            author: names.isEmpty ? nil : names.joined(separator: ", "),
            published: published,
            imageURL: image.flatMap { WebURL.resolve($0, against: base) }
        )
    }
}
