/// Namespace URIs the readers look for.
enum XMLNamespace {
    static let atom = "http://www.w3.org/2005/Atom"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let media = "http://search.yahoo.com/mrss/"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xhtml = "http://www.w3.org/1999/xhtml"

    /// `uri` with common misspellings of known namespaces (missing trailing slash, `https`)
    /// replaced by the canonical URI, so readers can compare exactly.
    static func canonical(_ uri: String) -> String {
        guard !uri.isEmpty else { return uri }
        var key = uri.lowercased()
        if key.hasPrefix("https://") { key = "http://" + key.dropFirst(8) }
        if !key.hasSuffix("/"), !key.hasSuffix("#") { key += "/" }
        for known in [content, dublinCore, media, rss10, rss090] where key == known { return known }
        return uri
    }

    /// Whether elements in `uri` are plain RSS elements (RSS 2.0 has none; RSS 1.0 and 0.90 have one).
    static func isRSS(_ uri: String) -> Bool {
        uri.isEmpty || uri == rss10 || uri == rss090
    }
}
