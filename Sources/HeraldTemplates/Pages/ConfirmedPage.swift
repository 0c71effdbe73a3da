import HeraldCore

/// Shown after a subscription was confirmed.
public struct ConfirmedPage: Sendable, Equatable {
    /// The site the page belongs to.
    public var site: SiteContext
    /// The newsletter now confirmed.
    public var newsletter: Newsletter
    /// Where the subscriber can manage their subscriptions, when available.
    public var preferencesURL: String?

    /// A confirmed page.
    public init(site: SiteContext, newsletter: Newsletter, preferencesURL: String? = nil) {
        self.site = site
        self.newsletter = newsletter
        self.preferencesURL = preferencesURL
    }
}

extension ConfirmedPage {
    /// Keys: `newsletter`, `preferences_url`.
    var templateValues: TemplateValues {
        site.context([
            "newsletter": newsletter.templateValues,
            "preferences_url": nullable(preferencesURL),
        ])
    }
}
