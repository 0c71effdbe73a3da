import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org) documents.
enum JSONFeedReader {
    static func read(_ bytes: ArraySlice<UInt8>, baseURL: String?) throws(FeedError) -> Feed {
        let document: JSONFeedDocument
        do {
            document = try JSONDecoder().decode(JSONFeedDocument.self, from: Data(bytes))
        } catch {
            throw FeedError(.invalidDocument, "invalid JSON: \(describe(error))")
        }
        guard let version = document.version, version.contains("jsonfeed.org/version/") else {
            throw FeedError(
                .notAFeed,
                "neither RSS, Atom nor JSON Feed: JSON without a JSON Feed \"version\" "
                    + "(expected \"https://jsonfeed.org/version/1.1\")")
        }
        guard document.items.count <= FeedParser.maximumItems else {
            throw FeedError(.tooLarge, "more than \(FeedParser.maximumItems) items; refusing to read the feed")
        }
        let base = baseURL ?? document.feedURL
        let items = document.items.map { item(from: $0, base: base, feedAuthors: document.authors).build() }
        return Feed(
            title: FeedText.collapsed(document.title ?? ""),
            link: document.homePageURL.flatMap { WebURL.resolve($0, against: base) }, items: items)
    }

    private static func item(from item: JSONFeedDocument.Item, base: String?, feedAuthors: [String]) -> RawFeedItem {
        var raw = RawFeedItem(base: base)
        raw.guid = item.id
        raw.link = item.url ?? item.externalURL
        raw.title = item.title.map(FeedText.collapsed)
        raw.html = item.contentHTML
        raw.text = item.contentText ?? item.summary
        raw.authors = item.authors.isEmpty ? feedAuthors : item.authors
        raw.published = (item.datePublished ?? item.dateModified).flatMap(FeedDate.parse)
        raw.image = item.image ?? item.bannerImage
        return raw
    }

    /// A one-line account of a decoding failure, with the position when JSONDecoder gives one.
    private static func describe(_ error: any Error) -> String {
        guard case DecodingError.dataCorrupted(let context) = error else { return "\(error)" }
        let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return underlying ?? context.debugDescription
    }
}
