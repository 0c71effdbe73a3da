/// What a server said about the version of a feed it sent, to be sent back on the next fetch
/// so that an unchanged feed costs a `304 Not Modified` instead of a download.
public struct FeedCacheValidators: Sendable, Equatable, Codable {
    /// The `ETag` response header, verbatim (quotes and `W/` included); sent as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` response header, verbatim; sent as `If-Modified-Since`. For local
    /// files, the file's modification time in the same format.
    public var lastModified: String?

    /// Validators with the given values.
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// Whether there is anything to validate against.
    public var isEmpty: Bool { etag == nil && lastModified == nil }
}
