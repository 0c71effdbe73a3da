/// Reads RSS 2.0 (and 0.9x/1.0), Atom 1.0 and JSON Feed 1.0/1.1 documents into a ``Feed``.
///
/// Every item's HTML is sanitised (``HTMLSanitizer``), its links made absolute against the
/// document (`baseURL`, `xml:base`, the channel link), and anything that is not `http`/`https`
/// dropped. XML is parsed without loading external entities or DTDs.
public enum FeedParser {
    /// Documents larger than this (10 MiB) are rejected before parsing.
    public static let maximumBytes = 10 * 1024 * 1024
    /// Documents with more items than this are rejected before their items are processed.
    public static let maximumItems = 10_000

    /// The feed in `data`. `baseURL` is where the document came from (the final URL after
    /// redirects), used to resolve relative links; nil when unknown.
    ///
    /// - Throws: ``FeedError`` with kind `.tooLarge`, `.invalidDocument` (malformed XML or JSON,
    ///   invalid UTF-8) or `.notAFeed` (e.g. an HTML page).
    public static func parse(_ data: [UInt8], baseURL: String?) throws(FeedError) -> Feed {
        guard data.count <= maximumBytes else {
            throw FeedError(
                .tooLarge, "the document is \(data.count) bytes, over the \(maximumBytes / 1_048_576) MiB limit")
        }
        var body = data[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if !XMLPrologue.isASCIICompatible(data) { return try parseXML(data, baseURL: baseURL) }
        switch body.first(where: { !$0.isHTMLWhitespace }) {
        case UInt8(ascii: "{"):
            if let offset = UTF8Check.firstInvalidByte(in: Array(body)) {
                throw FeedError(
                    .invalidDocument, "invalid UTF-8 in JSON at byte offset \(offset + data.count - body.count)")
            }
            return try JSONFeedReader.read(body, baseURL: baseURL)
        case UInt8(ascii: "<"):
            return try parseXML(data, baseURL: baseURL)
        case nil:
            throw FeedError(.invalidDocument, "the document is empty")
        default:
            throw FeedError(.notAFeed, "neither RSS, Atom nor JSON Feed: the document starts with neither '<' nor '{'")
        }
    }

    private static func parseXML(_ data: [UInt8], baseURL: String?) throws(FeedError) -> Feed {
        let root = try FeedXMLDocument.parse(data, baseURL: baseURL, maximumItems: maximumItems)
        switch FeedFormat(root: root.name, root.namespace) {
        case .atom?: return AtomReader.read(root, baseURL: baseURL)
        case .rss?, nil: return RSSReader.read(root, baseURL: baseURL)
        }
    }
}
