import HeraldCore

/// The page a confirmation link opens: one button that confirms by posting to the same URL,
/// so link scanners that only follow links do not confirm.
public struct ConfirmPage: Sendable, Equatable {
    /// The site the page belongs to.
    public var site: SiteContext
    /// The newsletter being confirmed.
    public var newsletter: Newsletter
    /// The confirmation URL (the page's own URL); the form posts here.
    public var confirmURL: String
    /// The address being confirmed, shown when known.
    public var email: String?

    /// A confirm page.
    public init(site: SiteContext, newsletter: Newsletter, confirmURL: String, email: String? = nil) {
        self.site = site
        self.newsletter = newsletter
        self.confirmURL = confirmURL
        self.email = email
    }
}

extension ConfirmPage {
    /// Keys: `newsletter`, `confirm_url`, `email`.
    var templateValues: TemplateValues {
        site.context([
            "newsletter": newsletter.templateValues,
            "confirm_url": confirmURL,
            "email": nullable(email),
        ])
    }
}
