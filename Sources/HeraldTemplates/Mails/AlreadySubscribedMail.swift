import HeraldCore

/// Sent instead of a confirmation when the address is already subscribed, so the signup form
/// never reveals who is subscribed.
public struct AlreadySubscribedMail: Sendable, Equatable {
    /// The site the mail comes from.
    public var site: SiteContext
    /// The newsletter the address is already on.
    public var newsletter: Newsletter
    /// The subscriber's name, when known.
    public var name: String?
    /// Where the subscriber can manage their subscriptions.
    public var preferencesURL: String

    /// An already-subscribed mail.
    public init(site: SiteContext, newsletter: Newsletter, name: String? = nil, preferencesURL: String) {
        self.site = site
        self.newsletter = newsletter
        self.name = name
        self.preferencesURL = preferencesURL
    }
}

extension AlreadySubscribedMail {
    /// Keys: `newsletter`, `name`, `preferences_url`.
    var templateValues: TemplateValues {
        site.context([
            "newsletter": newsletter.templateValues,
            "name": nullable(name),
            "preferences_url": preferencesURL,
        ])
    }
}
