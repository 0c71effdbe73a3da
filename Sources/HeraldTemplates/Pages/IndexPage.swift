import HeraldCore

/// The demo news-site page: an article placeholder, one signup form per newsletter and, when
/// there are several, one combined form with a checkbox for each.
public struct IndexPage: Sendable, Equatable {
    /// The site the page belongs to.
    public var site: SiteContext
    /// Every configured newsletter, in the order shown.
    public var newsletters: [Newsletter]

    /// An index page offering `newsletters`.
    public init(site: SiteContext, newsletters: [Newsletter]) {
        self.site = site
        self.newsletters = newsletters
    }
}

extension IndexPage {
    /// Keys: `newsletters`; `forms` (one signup form each); `combined_form` (null with fewer than two).
    var templateValues: TemplateValues {
        let forms = newsletters.map { SignupForm(id: "signup-\($0.slug)", choices: [NewsletterChoice($0)]) }
        let combined = SignupForm(id: "signup-combined", choices: newsletters.map { NewsletterChoice($0) })
        return site.context([
            "newsletters": newsletters.map(\.templateValues),
            "forms": forms.map(\.templateValues),
            "combined_form": newsletters.count > 1 ? combined.templateValues : nullable(nil),
        ])
    }
}
