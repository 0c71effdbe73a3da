/// Renders an issue once and personalises it per subscriber (owned by the core, built by the app).
public protocol DigestComposer: Sendable {
    /// Renders the shared part of `issue` for `newsletter`, in the issue's language.
    func prepare(_ issue: DigestIssue, newsletter: Newsletter) throws -> any PreparedDigest
}

/// An issue rendered once; `mail(for:manageToken:)` only fills in what differs per subscriber.
public protocol PreparedDigest: Sendable {
    /// The finished message for one subscriber, with their unsubscribe/preferences links. Its
    /// Message-ID is the same every time for this issue and subscriber, so a copy sent again after
    /// a crash can be recognised (and is merged by providers that de-duplicate by Message-ID).
    func mail(for subscriber: Subscriber, manageToken: String) throws -> OutgoingMail
}

/// Where a newsletter's new articles come from (a feed, in the app).
public protocol DigestSource: Sendable {
    /// The current articles of the newsletter's source for its issue in `language`, newest first;
    /// throws with a clear message when the source cannot be read (nothing is sent then).
    func articles(for newsletter: Newsletter, language: String) async throws -> [DigestArticle]
    /// Where `articles(for:language:)` reads, for the operator (`--dry-run`): a feed's path or URL.
    func origin(for newsletter: Newsletter, language: String) -> String
}

extension DigestSource {
    /// The newsletter's feed for `language` (``Newsletter/digestFeed(for:)``), or "no feed".
    public func origin(for newsletter: Newsletter, language: String) -> String {
        newsletter.digestFeed(for: language) ?? "no feed"
    }
}
