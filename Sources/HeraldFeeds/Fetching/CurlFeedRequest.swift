import HeraldCurl

/// One HTTP(S) feed download: the request as the fetcher configured it, performed synchronously
/// on the calling thread (``FeedFetcher`` calls it from a dedicated thread).
struct CurlFeedRequest: Sendable {
    let url: String
    let previous: FeedCacheValidators?
    let timeoutMilliseconds: Int
    let connectTimeoutMilliseconds: Int
    let maximumRedirects: Int
    let maximumBytes: Int
    let userAgent: String
    let addressPolicy: OutboundAddressPolicy

    static let accept =
        "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
        + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

    init(url: String, previous: FeedCacheValidators?, fetcher: FeedFetcher) {
        self.url = url
        self.previous = previous
        timeoutMilliseconds = Self.milliseconds(fetcher.timeout)
        connectTimeoutMilliseconds = Self.milliseconds(fetcher.connectTimeout)
        maximumRedirects = fetcher.maximumRedirects
        maximumBytes = fetcher.maximumBytes
        userAgent = fetcher.userAgent
        addressPolicy = fetcher.addressPolicy
    }

    /// The request headers besides `User-Agent` (which has its own option).
    var headers: [String] {
        var headers = ["Accept: \(Self.accept)"]
        if let etag = previous?.etag.map(Self.headerValue), !etag.isEmpty { headers.append("If-None-Match: \(etag)") }
        if let date = previous?.lastModified.map(Self.headerValue), !date.isEmpty {
            headers.append("If-Modified-Since: \(date)")
        }
        return headers
    }

    func perform() -> Result<FeedFetchResult, FeedError> {
        guard CurlRuntime.initialize(), let transfer = CurlFeedTransfer(maximumBytes: maximumBytes) else {
            return .failure(FeedError(.network, "cannot fetch \(url): libcurl failed to initialise"))
        }
        return transfer.run(self)
    }

    /// A stored validator made safe to send back: no line breaks (a forged header would otherwise ride along).
    private static func headerValue(_ value: String) -> String {
        String(value.filter { $0 != "\r" && $0 != "\n" }).trimmingHTMLWhitespace
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
