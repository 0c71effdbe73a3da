import HeraldCore

/// The double opt-in mail: a link that confirms the signup, valid for ``expiryHours``.
public struct ConfirmationMail: Sendable, Equatable {
    /// The site the mail comes from.
    public var site: SiteContext
    /// The newsletter signed up for.
    public var newsletter: Newsletter
    /// The subscriber's name, when they gave one.
    public var name: String?
    /// The link that opens the confirm page.
    public var confirmURL: String
    /// How many hours the link stays valid.
    public var expiryHours: Int

    /// A confirmation mail.
    public init(site: SiteContext, newsletter: Newsletter, name: String? = nil, confirmURL: String, expiryHours: Int) {
        self.site = site
        self.newsletter = newsletter
        self.name = name
        self.confirmURL = confirmURL
        self.expiryHours = expiryHours
    }
}

extension ConfirmationMail {
    /// Keys: `newsletter`, `name`, `confirm_url`, `expiry_hours`.
    var templateValues: TemplateValues {
        site.context([
            "newsletter": newsletter.templateValues,
            "name": nullable(name),
            "confirm_url": confirmURL,
            "expiry_hours": expiryHours,
        ])
    }
}
