/// A list people can subscribe to, as configured by the publisher.
public struct Newsletter: Sendable, Equatable, Codable {
    /// URL-safe identifier used in forms and the CLI (`news`, `daily`).
    public var slug: String
    /// Title shown to people ("Morning Briefing").
    public var title: String
    /// One-line description shown on forms and the preferences page.
    public var description: String
    /// Sender address for this newsletter's mail; the global `mail_from` when nil.
    public var fromAddress: String?
    /// IANA time zone used for digest periods and dates ("Europe/Kyiv").
    public var timeZone: String
    /// Digest feed (file path or URL) for every language (`digest_feed`), if this newsletter sends
    /// digests from one feed.
    public var digestFeed: String?
    /// One digest feed per language (`digest_feeds`), keys among ``languages``; never set together
    /// with ``digestFeed``.
    public var digestFeeds: [String: String] = [:]
    /// Whether a welcome mail is sent after confirmation.
    public var sendsWelcome: Bool
    /// Whether sent issues are published at `/archive/<slug>` (default false).
    public var archive: Bool = false
    /// Whether archive pages ask search engines not to index them (`noindex`).
    public var archiveNoindex: Bool = false
    /// What following a digest link records (default ``LinkTracking/aggregate``).
    public var tracking: LinkTracking = .aggregate
    /// Whether digests carry an aggregate open pixel, `/o/{id}` (default false; needs tracking on).
    public var opens: Bool = false
    /// The BCP 47 language of its pages and mail when nothing else decides (`language`, default `en`).
    public var language: String = "en"
    /// The languages it offers readers (`languages`), ``language`` first; never empty.
    public var languages: [String] = ["en"]

    public init(
        slug: String, title: String, description: String = "", fromAddress: String? = nil,
        timeZone: String = "UTC", digestFeed: String? = nil, sendsWelcome: Bool = true
    ) {
        self.slug = slug
        self.title = title
        self.description = description
        self.fromAddress = fromAddress
        self.timeZone = timeZone
        self.digestFeed = digestFeed
        self.sendsWelcome = sendsWelcome
    }
}

extension Newsletter {
    /// The feed of this newsletter's issues in `language`: its own (`digest_feeds`), else the one
    /// for every language (`digest_feed`); nil when neither is configured.
    public func digestFeed(for language: String) -> String? {
        digestFeeds[language] ?? digestFeed
    }
}
