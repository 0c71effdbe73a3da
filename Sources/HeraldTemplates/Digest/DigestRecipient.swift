/// The per-subscriber part of a digest mail.
public struct DigestRecipient: Sendable, Equatable {
    /// The subscriber's name, when known; used in the greeting.
    public var name: String?
    /// This subscriber's one-click unsubscribe link for the digest's newsletter.
    public var unsubscribeURL: String
    /// This subscriber's preferences link.
    public var preferencesURL: String

    /// A digest recipient.
    public init(name: String? = nil, unsubscribeURL: String, preferencesURL: String) {
        self.name = name
        self.unsubscribeURL = unsubscribeURL
        self.preferencesURL = preferencesURL
    }
}
