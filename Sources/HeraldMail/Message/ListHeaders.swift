/// Mailing-list headers for newsletter mail: `List-Id` (RFC 2919), `List-Unsubscribe` (RFC 2369)
/// and `List-Unsubscribe-Post` (RFC 8058 one-click unsubscribe).
public struct ListHeaders: Sendable, Hashable {
    /// The list's human-readable title, written as the phrase of `List-Id`.
    public var title: String?
    /// The list identifier, `slug.domain` (for example `weekly.news.example.org`), written without brackets.
    public var id: String
    /// The HTTPS unsubscribe link, written as the first `List-Unsubscribe` entry.
    public var unsubscribeURL: String?
    /// The `mailto:` unsubscribe address (the whole URI, including `mailto:`).
    public var unsubscribeMailto: String?
    /// Whether to add `List-Unsubscribe-Post: List-Unsubscribe=One-Click`; needs an HTTPS `unsubscribeURL`.
    public var oneClickUnsubscribe: Bool

    /// Creates list headers; one-click unsubscribe is on whenever an HTTPS link is given unless turned off.
    public init(
        title: String? = nil,
        id: String,
        unsubscribeURL: String? = nil,
        unsubscribeMailto: String? = nil,
        oneClickUnsubscribe: Bool? = nil
    ) {
        self.title = title
        self.id = id
        self.unsubscribeURL = unsubscribeURL
        self.unsubscribeMailto = unsubscribeMailto
        self.oneClickUnsubscribe = oneClickUnsubscribe ?? (unsubscribeURL?.lowercased().hasPrefix("https://") ?? false)
    }
}
