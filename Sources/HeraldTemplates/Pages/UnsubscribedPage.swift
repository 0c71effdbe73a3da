import HeraldCore

/// Shown after unsubscribing, with a way back: preferences, or signing up again.
public struct UnsubscribedPage: Sendable, Equatable {
    /// The site the page belongs to.
    public var site: SiteContext
    /// The newsletter left; `nil` after "unsubscribe from all".
    public var newsletter: Newsletter?
    /// Where the person can manage their subscriptions, when available.
    public var preferencesURL: String?
    /// The address unsubscribed; with a newsletter it enables a one-click "subscribe again"
    /// form (which starts double opt-in again).
    public var email: String?

    /// An unsubscribed page.
    public init(site: SiteContext, newsletter: Newsletter?, preferencesURL: String? = nil, email: String? = nil) {
        self.site = site
        self.newsletter = newsletter
        self.preferencesURL = preferencesURL
        self.email = email
    }
}

extension UnsubscribedPage {
    /// Keys: `newsletter` (null after unsubscribing from all), `preferences_url`, `email`,
    /// `can_resubscribe`.
    var templateValues: TemplateValues {
        site.context([
            "newsletter": newsletter.map(\.templateValues) ?? nullable(nil),
            "preferences_url": nullable(preferencesURL),
            "email": nullable(email),
            "can_resubscribe": newsletter != nil && !(email ?? "").isEmpty,
        ])
    }
}
