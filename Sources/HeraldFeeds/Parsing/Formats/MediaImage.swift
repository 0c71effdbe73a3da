/// Finds an item's illustration in Media RSS (`media:content`, `media:thumbnail`, also inside
/// `media:group`), RSS `enclosure` or Atom `link rel="enclosure"` with an image type.
enum MediaImage {
    static func find(in item: FeedXMLElement) -> String? {
        let groups = [item] + item.children("group", XMLNamespace.media)
        for group in groups {
            for content in group.children("content", XMLNamespace.media) where isImage(content) {
                if let url = content.attributes["url"], !url.isEmpty { return url }
            }
        }
        for group in groups {
            if let url = group.child("thumbnail", XMLNamespace.media)?.attributes["url"], !url.isEmpty { return url }
        }
        for enclosure in item.rssChildren("enclosure") where hasImageType(enclosure) {
            if let url = enclosure.attributes["url"], !url.isEmpty { return url }
        }
        for link in item.children("link", XMLNamespace.atom) + item.children("link", "")
        where link.attributes["rel"] == "enclosure" && hasImageType(link) {
            if let href = link.attributes["href"], !href.isEmpty { return href }
        }
        return nil
    }

    /// `medium="image"`, an `image/*` type, or neither medium nor type (then assumed an image).
    private static func isImage(_ content: FeedXMLElement) -> Bool {
        if let medium = content.attributes["medium"] { return medium.lowercased() == "image" }
        if let type = content.attributes["type"] { return type.lowercased().hasPrefix("image/") }
        return true
    }

    private static func hasImageType(_ element: FeedXMLElement) -> Bool {
        element.attributes["type"]?.lowercased().hasPrefix("image/") == true
    }
}
