import Foundation

/// One entry of a digest (an article from the newsletter's feed).
public struct DigestItem: Sendable, Equatable {
    /// Headline.
    public var title: String
    /// Article URL; only `http` and `https` links are shown.
    public var link: String
    /// Summary as HTML that the caller has already sanitised; rendered as is in the HTML part.
    public var summaryHTML: String
    /// Summary as plain text for the text part.
    public var summaryText: String
    /// Author, when the feed names one.
    public var author: String?
    /// Publication time, shown as a date in the newsletter's time zone.
    public var date: Date?
    /// Illustration URL; only `http` and `https` images are shown.
    public var imageURL: String?

    /// A digest item.
    public init(
        title: String, link: String, summaryHTML: String = "", summaryText: String = "", author: String? = nil,
        date: Date? = nil, imageURL: String? = nil
    ) {
        self.title = title
        self.link = link
        self.summaryHTML = summaryHTML
        self.summaryText = summaryText
        self.author = author
        self.date = date
        self.imageURL = imageURL
    }
}

extension DigestItem {
    /// Keys: `title`, `link` (with `linkSuffix` appended), `summary_html`, `summary_text`,
    /// `author`, `date`, `image_url`.
    func templateValues(formatDate: (Date) -> String, linkSuffix: String? = nil) -> TemplateValues {
        [
            "title": title,
            "link": nullable(webURL(link).map { $0 + (linkSuffix ?? "") }),
            "summary_html": nullable(summaryHTML),
            "summary_text": nullable(summaryText),
            "author": nullable(author),
            "date": nullable(date.map(formatDate)),
            "image_url": nullable(webURL(imageURL)),
        ]
    }
}

/// `url` when it is an absolute `http` or `https` URL, so a feed cannot smuggle in `javascript:` links.
func webURL(_ url: String?) -> String? {
    guard let url else { return nil }
    let lowered = url.lowercased()
    return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") ? url : nil
}
