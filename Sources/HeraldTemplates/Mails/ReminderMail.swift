import HeraldCore

/// The one reminder for a signup not yet confirmed: a fresh confirmation link, valid for ``expiryHours``.
public struct ReminderMail: Sendable, Equatable {
    /// The site the mail comes from.
    public var site: SiteContext
    /// The newsletter signed up for.
    public var newsletter: Newsletter
    /// The subscriber's name, when they gave one.
    public var name: String?
    /// The new link that opens the confirm page (the first mail's link no longer works).
    public var confirmURL: String
    /// Whole hours (rounded up) the link stays valid.
    public var expiryHours: Int

    /// A reminder mail.
    public init(site: SiteContext, newsletter: Newsletter, name: String? = nil, confirmURL: String, expiryHours: Int) {
        self.site = site
        self.newsletter = newsletter
        self.name = name
        self.confirmURL = confirmURL
        self.expiryHours = expiryHours
    }
}

extension ReminderMail {
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
