/// The parts of a JSON Feed (1.0 and 1.1) document Herald uses. Decoding is lenient: a field of
/// the wrong type is treated as absent, and `id` may be a number.
struct JSONFeedDocument: Decodable {
    var version: String?
    var title: String?
    var homePageURL: String?
    var feedURL: String?
    var authors: [String]
    var items: [Item]

    struct Item: Decodable {
        var id: String?
        var url: String?
        var externalURL: String?
        var title: String?
        var contentHTML: String?
        var contentText: String?
        var summary: String?
        var image: String?
        var bannerImage: String?
        var datePublished: String?
        var dateModified: String?
        var authors: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            id =
                container.lenientString(.id)
                ?? (try? container.decodeIfPresent(Int64.self, forKey: .id)).flatMap {
                    $0.map(String.init)
                }
            url = container.lenientString(.url)
            externalURL = container.lenientString(.external_url)
            title = container.lenientString(.title)
            contentHTML = container.lenientString(.content_html)
            contentText = container.lenientString(.content_text)
            summary = container.lenientString(.summary)
            image = container.lenientString(.image)
            bannerImage = container.lenientString(.banner_image)
            datePublished = container.lenientString(.date_published)
            dateModified = container.lenientString(.date_modified)
            authors = container.authorNames()
        }
    }

    struct Author: Decodable {
        var name: String?

        init(from decoder: any Decoder) throws {
            name = try decoder.container(keyedBy: Key.self).lenientString(.name)
        }
    }

    enum Key: String, CodingKey {
        case version, title, home_page_url, feed_url, author, authors, items, id, url, external_url, content_html,
            content_text, summary, image, banner_image, date_published, date_modified, name
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        version = container.lenientString(.version)
        title = container.lenientString(.title)
        homePageURL = container.lenientString(.home_page_url)
        feedURL = container.lenientString(.feed_url)
        authors = container.authorNames()
        items = (try? container.decodeIfPresent([Item].self, forKey: .items)) ?? []
    }
}

extension KeyedDecodingContainer where Key == JSONFeedDocument.Key {
    fileprivate func lenientString(_ key: Key) -> String? {
        (try? decodeIfPresent(String.self, forKey: key)) ?? nil
    }

    /// Names from 1.1's `authors` array, else 1.0's single `author` object.
    fileprivate func authorNames() -> [String] {
        typealias Author = JSONFeedDocument.Author
        if let list = (try? decodeIfPresent([Author].self, forKey: .authors)) ?? nil, !list.isEmpty {
            return list.compactMap(\.name)
        }
        return ((try? decodeIfPresent(Author.self, forKey: .author)) ?? nil)?.name.map { [$0] } ?? []
    }
}
