/// A subscriber's newsletters with a checkbox each, a Save button and "Unsubscribe from all".
///
/// The form posts to ``preferencesURL`` with one `newsletter` field per ticked box and
/// `action` set to `save` or `unsubscribe_all` by the button pressed.
public struct PreferencesPage: Sendable, Equatable {
    /// The site the page belongs to.
    public var site: SiteContext
    /// The subscriber's address, shown at the top.
    public var email: String
    /// Every newsletter, `selected` when subscribed.
    public var newsletters: [NewsletterChoice]
    /// The page's own URL; the form posts here.
    public var preferencesURL: String
    /// Whether to show the "your preferences were saved" notice.
    public var saved: Bool

    /// A preferences page.
    public init(
        site: SiteContext, email: String, newsletters: [NewsletterChoice], preferencesURL: String,
        saved: Bool = false
    ) {
        self.site = site
        self.email = email
        self.newsletters = newsletters
        self.preferencesURL = preferencesURL
        self.saved = saved
    }
}

extension PreferencesPage {
    /// Keys: `email`, `newsletters` (with `selected`), `preferences_url`, `saved`.
    var templateValues: TemplateValues {
        site.context([
            "email": email,
            "newsletters": newsletters.map(\.templateValues),
            "preferences_url": preferencesURL,
            "saved": saved,
        ])
    }
}
