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
    /// Keys: `newsletters`; `single` (the one newsletter, null unless exactly one); `several`
    /// (true with two or more), so the page can name one title in a sentence and list several.
    var templateValues: TemplateValues {
        site.context([
            "newsletters": newsletters.map(\.templateValues),
            "single": newsletters.count == 1 ? newsletters[0].templateValues : nullable(nil),
            "several": newsletters.count > 1,
        ])
    }
}
