import HeraldCore

/// The double opt-in mail: a link that confirms the signup, valid for ``expiryHours``.
///
/// It goes to an address whose owner has not confirmed anything yet, so it holds only texts from
/// the templates and the configuration: nothing a stranger typed into the form (no name).
public struct ConfirmationMail: Sendable, Equatable {
    /// The site the mail comes from.
    public var site: SiteContext
    /// The newsletter signed up for.
    public var newsletter: Newsletter
    /// The link that opens the confirm page.
    public var confirmURL: String
    /// How many hours the link stays valid.
    public var expiryHours: Int

    /// A confirmation mail.
    public init(site: SiteContext, newsletter: Newsletter, confirmURL: String, expiryHours: Int) {
        self.site = site
        self.newsletter = newsletter
        self.confirmURL = confirmURL
        self.expiryHours = expiryHours
    }
}

extension ConfirmationMail {
    /// Keys: `newsletter`, `confirm_url`, `expiry_hours`.
    var templateValues: TemplateValues {
        site.context([
            "newsletter": newsletter.templateValues,
            "confirm_url": confirmURL,
            "expiry_hours": expiryHours,
        ])
    }
}
