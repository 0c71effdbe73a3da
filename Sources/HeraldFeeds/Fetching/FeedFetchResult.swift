/// The outcome of a successful ``FeedFetcher/fetch(_:previous:)``.
public enum FeedFetchResult: Sendable, Equatable {
    /// The feed has not changed since the fetch that produced the `previous` validators.
    case notModified
    /// The feed's bytes; `validators` to pass as `previous` next time; `finalURL` is where the
    /// bytes came from after redirects (`file://…` for local files), the base for ``FeedParser``.
    case fetched(data: [UInt8], validators: FeedCacheValidators, finalURL: String)
}
