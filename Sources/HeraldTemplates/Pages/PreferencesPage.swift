/// A subscriber's newsletters with a checkbox each, a Save button and "Unsubscribe from all".
///
/// The form posts to ``preferencesURL`` with one `newsletter` field per ticked box and
/// `action` set to `save` or `unsubscribe_all` by the button pressed, and the `language` chosen
/// among ``languages`` (a `<select>` naming each language in that language).
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
    /// The languages the reader may choose (BCP 47 tags); the page's own language is selected.
    /// No language field when empty.
    public var languages: [String]
    /// Whether the language sent was not one of ``languages`` (the field error lists them).
    public var unknownLanguage: Bool

    /// A preferences page.
    public init(
        site: SiteContext, email: String, newsletters: [NewsletterChoice], preferencesURL: String,
        saved: Bool = false, languages: [String] = [], unknownLanguage: Bool = false
    ) {
        self.site = site
        self.email = email
        self.newsletters = newsletters
        self.preferencesURL = preferencesURL
        self.saved = saved
        self.languages = languages
        self.unknownLanguage = unknownLanguage
    }
}

extension PreferencesPage {
    /// Keys: `email`, `newsletters` (with `selected`), `preferences_url`, `saved`, `languages`
    /// (each `code`, `name` in its own language, `selected`, `content_language`),
    /// `language_field` (whether there are any), `unknown_language`, `offered` (the names joined for the field error).
    func templateValues(name: (String) -> String) -> TemplateValues {
        let choices: [TemplateValues] = languages.map { code in
            [
                "code": code, "name": name(code), "selected": code.lowercased() == site.language.lowercased(),
                "content_language": code,
            ]
        }
        return site.context([
            "email": email,
            "newsletters": newsletters.map(\.templateValues),
            "preferences_url": preferencesURL,
            "saved": saved,
            "language_field": !choices.isEmpty,
            "languages": choices,
            "unknown_language": unknownLanguage,
            "offered": languages.map(name).joined(separator: ", "),
        ])
    }
}
