/// The document formats ``FeedParser`` reads.
enum FeedFormat {
    case rss
    case atom

    /// The format a document with this root element is in, or nil when it is not a feed.
    init?(root name: String, _ namespace: String) {
        switch (name, namespace) {
        case ("rss", _), ("RDF", XMLNamespace.rdf): self = .rss
        case ("feed", XMLNamespace.atom): self = .atom
        default: return nil
        }
    }

    /// Whether an XML document whose root element this is can be read.
    static func isFeedRoot(_ name: String, _ namespace: String) -> Bool {
        FeedFormat(root: name, namespace) != nil
    }
}
