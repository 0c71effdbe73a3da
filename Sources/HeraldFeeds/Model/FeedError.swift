/// Why a feed could not be fetched or read, worded for the operator who configured it.
///
/// `description` starts with `feed:` and names what to look at, e.g.
/// `feed: HTTP 404 Not Found from https://example.org/feed.xml`.
public struct FeedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad class of failure, for callers that react differently (retry, alert, skip).
    public enum Kind: Sendable, Equatable {
        /// The bytes are not a readable document: malformed XML or JSON, or invalid UTF-8.
        case invalidDocument
        /// A well-formed document that is neither RSS, Atom nor JSON Feed (often an HTML page).
        case notAFeed
        /// Over the size limit (bytes or number of items).
        case tooLarge
        /// The server answered with this HTTP status (400 or above, or an unexpected one).
        case httpStatus(Int)
        /// The server could not be reached, or redirected too often or to a forbidden scheme.
        case network
        /// The server did not answer within the configured time.
        case timeout
        /// The source is not an `http(s)` URL or a readable local file.
        case unreadableSource
    }

    /// The class of failure.
    public let kind: Kind
    /// What went wrong, without the `feed:` prefix.
    public let message: String

    /// A failure of the given kind.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Whether trying again later may help (network trouble, timeouts, 5xx, 408 and 429 replies).
    public var isTransient: Bool {
        switch kind {
        case .network, .timeout: true
        case .httpStatus(let status): status >= 500 || status == 408 || status == 429
        case .invalidDocument, .notAFeed, .tooLarge, .unreadableSource: false
        }
    }

    /// The message with a `feed:` prefix, ready for a log line or the command's output.
    public var description: String { "feed: \(message)" }
}
