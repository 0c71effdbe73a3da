import HeraldCore

/// The page an unsubscribe link opens: one button that unsubscribes by posting to the same URL.
public struct UnsubscribePage: Sendable, Equatable {
    /// The site the page belongs to.
    public var site: SiteContext
    /// The newsletter to leave.
    public var newsletter: Newsletter
    /// The unsubscribe URL (the page's own URL); the form posts here.
    public var unsubscribeURL: String
    /// The subscribed address, shown when known.
    public var email: String?

    /// An unsubscribe page.
    public init(site: SiteContext, newsletter: Newsletter, unsubscribeURL: String, email: String? = nil) {
        self.site = site
        self.newsletter = newsletter
        self.unsubscribeURL = unsubscribeURL
        self.email = email
    }
}

extension UnsubscribePage {
    /// Keys: `newsletter`, `unsubscribe_url`, `email`.
    var templateValues: TemplateValues {
        site.context([
            "newsletter": newsletter.templateValues,
            "unsubscribe_url": unsubscribeURL,
            "email": nullable(email),
        ])
    }
}
