import HeraldCore

/// Sent after a subscription is confirmed (when the newsletter sends one).
public struct WelcomeMail: Sendable, Equatable {
    /// The site the mail comes from.
    public var site: SiteContext
    /// The newsletter joined.
    public var newsletter: Newsletter
    /// The subscriber's name, when known.
    public var name: String?
    /// One-click unsubscribe link for this newsletter.
    public var unsubscribeURL: String
    /// Where the subscriber can manage their subscriptions.
    public var preferencesURL: String
    /// The newsletter's latest published issue on the archive (through `/l/{id}` when tracking
    /// is on), when the newsletter has a public archive with an issue in it.
    public var latestIssueURL: String?

    /// A welcome mail.
    public init(
        site: SiteContext, newsletter: Newsletter, name: String? = nil, unsubscribeURL: String,
        preferencesURL: String, latestIssueURL: String? = nil
    ) {
        self.site = site
        self.newsletter = newsletter
        self.name = name
        self.unsubscribeURL = unsubscribeURL
        self.preferencesURL = preferencesURL
        self.latestIssueURL = latestIssueURL
    }
}

extension WelcomeMail {
    /// Keys: `newsletter`, `name`, `unsubscribe_url`, `preferences_url`, `latest_issue_url` (null when none).
    var templateValues: TemplateValues {
        site.context([
            "newsletter": newsletter.templateValues,
            "name": nullable(name),
            "unsubscribe_url": unsubscribeURL,
            "preferences_url": preferencesURL,
            "latest_issue_url": nullable(latestIssueURL),
        ])
    }
}
