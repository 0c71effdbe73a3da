/// The per-subscriber part of a digest mail.
public struct DigestRecipient: Sendable, Equatable {
    /// The subscriber's name, when known; used in the greeting.
    public var name: String?
    /// This subscriber's one-click unsubscribe link for the digest's newsletter.
    public var unsubscribeURL: String
    /// This subscriber's preferences link.
    public var preferencesURL: String
    /// Appended to each tracked link of this subscriber's copy when the digest tags links per
    /// subscriber (``DigestMail/tagsLinksPerSubscriber``); empty otherwise.
    public var clickTag: String

    /// A digest recipient.
    public init(name: String? = nil, unsubscribeURL: String, preferencesURL: String, clickTag: String = "") {
        self.name = name
        self.unsubscribeURL = unsubscribeURL
        self.preferencesURL = preferencesURL
        self.clickTag = clickTag
    }
}
