/// The status line and the validator headers of the last response in a transfer; each new
/// status line (after a redirect or a `100 Continue`) starts afresh.
struct HTTPResponseHead {
    private(set) var reason = ""
    private(set) var etag: String?
    private(set) var lastModified: String?

    /// Takes one header line as libcurl delivers it (with its line break).
    mutating func consume(_ line: String) {
        let line = line.trimmingHTMLWhitespace
        if line.hasPrefix("HTTP/") {
            self = HTTPResponseHead()
            // "HTTP/1.1 404 Not Found": the reason is what follows the code (HTTP/2 has none).
            reason =
                line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).dropFirst(2).first
                .map(String.init) ?? ""
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        let value = String(line[line.index(after: colon)...]).trimmingHTMLWhitespace
        guard !value.isEmpty else { return }
        switch name {
        case "etag": etag = value
        case "last-modified": lastModified = value
        default: break
        }
    }

    /// The validators to store for the next fetch.
    var validators: FeedCacheValidators { FeedCacheValidators(etag: etag, lastModified: lastModified) }
}
