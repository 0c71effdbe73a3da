import Foundation
import HeraldApp
import HeraldCore
import HeraldFeeds

/// Validates the body of `POST /api/v1/newsletters/{slug}/queue` into a digest article.
enum QueuedArticleInput {
    static func parse(_ body: AdminRequestBody, at time: Date) throws(AdminError) -> DigestArticle {
        let title = try body.string("title", required: true, maxLength: 300) ?? ""
        let url = try body.string("url", required: true, maxLength: 2000) ?? ""
        guard isWebURL(url) else { throw AdminError.invalid("invalid_url", "'url' must be an absolute http(s) URL.") }
        let imageURL = try body.string("image_url", maxLength: 2000)
        if let imageURL, !isWebURL(imageURL) {
            throw AdminError.invalid("invalid_url", "'image_url' must be an absolute http(s) URL.")
        }
        let summary = try body.string("summary", maxLength: 5000) ?? ""
        let item = FeedItem(
            link: url, title: HTMLSanitizer.plainText(title),
            summaryHTML: HTMLSanitizer.sanitize(summary, baseURL: url),
            summaryText: HTMLSanitizer.plainText(summary), author: try body.string("author", maxLength: 200),
            published: time, imageURL: imageURL)
        guard !item.title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw AdminError.invalid("missing_field", "'title' must contain text.")
        }
        return FeedDigestSource.article(from: item)
    }

    /// An absolute http or https URL (scheme in any case) with a host: what `url` and `image_url` take.
    static func isWebURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text) else { return false }
        return ["http", "https"].contains(components.scheme?.lowercased() ?? "") && components.host?.isEmpty == false
    }
}
