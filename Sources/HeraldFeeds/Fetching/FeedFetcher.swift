import Foundation
import HeraldCurl

/// Downloads a feed over HTTP(S) with libcurl, or reads it from a local file.
///
/// HTTP fetches follow at most `maximumRedirects` redirects, to `http`/`https` URLs only; send
/// `If-None-Match`/`If-Modified-Since` when given validators; stop reading at `maximumBytes`;
/// and run on a dedicated thread, never blocking Swift's cooperative pool.
public struct FeedFetcher: Sendable {
    /// The limit on the whole transfer, redirects included (default 30 s).
    public var timeout: Duration
    /// The limit on establishing each connection (default 10 s).
    public var connectTimeout: Duration
    /// The most redirects followed (default 5).
    public var maximumRedirects: Int
    /// The largest body accepted, after content decoding (default ``FeedParser/maximumBytes``).
    public var maximumBytes: Int
    /// The `User-Agent` header.
    public var userAgent: String
    /// The addresses a fetch may connect to (default: public ones only); checked on every
    /// connection, redirects included.
    public var addressPolicy: OutboundAddressPolicy

    /// A fetcher with the given limits.
    public init(
        timeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(10), maximumRedirects: Int = 5,
        maximumBytes: Int = FeedParser.maximumBytes, userAgent: String = "Herald/1.0 (+newsletter digest)",
        addressPolicy: OutboundAddressPolicy = .publicOnly
    ) {
        self.addressPolicy = addressPolicy
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.maximumRedirects = maximumRedirects
        self.maximumBytes = maximumBytes
        self.userAgent = userAgent
    }

    /// Fetches `source`: an `http://` or `https://` URL, a `file://` URL, or a local path.
    ///
    /// With `previous` validators, an unchanged feed gives `.notModified` (for a local file:
    /// unchanged modification time).
    ///
    /// - Throws: ``FeedError``: `.httpStatus` for replies of 400 and above (naming status and
    ///   URL), `.timeout`, `.network` (unreachable, too many redirects, redirect to another
    ///   scheme), `.tooLarge`, `.unreadableSource` (missing file, unsupported scheme).
    public func fetch(_ source: String, previous: FeedCacheValidators?) async throws(FeedError) -> FeedFetchResult {
        let source = source.trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = source.lowercased()
        let result: Result<FeedFetchResult, FeedError>
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            let request = CurlFeedRequest(url: source, previous: previous, fetcher: self)
            result = await Self.offThePool { request.perform() }
        } else {
            let path: String
            if lowered.hasPrefix("file://") {
                guard let url = URL(string: source), url.isFileURL else {
                    throw FeedError(.unreadableSource, "cannot read '\(source)' as a file URL")
                }
                path = url.path
            } else if let scheme = source.range(of: "://").map({ source[..<$0.lowerBound] }) {
                throw FeedError(
                    .unreadableSource,
                    "unsupported scheme '\(scheme)' in '\(source)'; use an http(s) URL or a local file path")
            } else {
                path = source
            }
            let reader = FeedFileReader(path: path, previous: previous, maximumBytes: maximumBytes)
            result = await Self.offThePool { reader.read() }
        }
        return try result.get()
    }

    /// Runs blocking work on a new thread and waits for it without holding a cooperative thread.
    private static func offThePool(
        _ work: @escaping @Sendable () -> Result<FeedFetchResult, FeedError>
    ) async -> Result<FeedFetchResult, FeedError> {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.name = "herald-feed-fetch"
            thread.start()
        }
    }
}
