import HeraldCore

/// Shown after a signup was accepted: a confirmation mail is on its way.
public struct ThankYouPage: Sendable, Equatable {
    /// The site the page belongs to.
    public var site: SiteContext
    /// The newsletters signed up for (several after the combined form).
    public var newsletters: [Newsletter]

    /// A thank-you page for `newsletters`.
    public init(site: SiteContext, newsletters: [Newsletter]) {
        self.site = site
        self.newsletters = newsletters
    }
}

extension ThankYouPage {
    /// Keys: `newsletters`.
    var templateValues: TemplateValues {
        site.context(["newsletters": newsletters.map(\.templateValues)])
    }
}
