/// A signup form shown again after a rejected submission (HTTP 422): what was typed is kept,
/// each problem is shown next to its field, and a suggested address is offered when there is one.
public struct SignupFormPage: Sendable, Equatable {
    /// The site the page belongs to.
    public var site: SiteContext
    /// Newsletters the submitted form offered: one gives a single-newsletter form, several give
    /// checkboxes ticked as they were submitted.
    public var newsletters: [NewsletterChoice]
    /// The email address as typed.
    public var email: String
    /// The name as typed.
    public var name: String
    /// What is wrong with the submission.
    public var errors: Set<SignupFieldError>
    /// A likely intended address ("anna@gmail.com" for "anna@gmial.com"), offered as a one-click fix.
    public var suggestion: String?
    /// The typed address is valid and only looks like a typo: the page asks "Did you mean …?" with
    /// two buttons, use the suggestion or keep what was typed.
    public var keepTyped: Bool

    /// A re-shown form.
    public init(
        site: SiteContext, newsletters: [NewsletterChoice], email: String, name: String = "",
        errors: Set<SignupFieldError>, suggestion: String? = nil, keepTyped: Bool = false
    ) {
        self.site = site
        self.newsletters = newsletters
        self.email = email
        self.name = name
        self.errors = errors
        self.suggestion = suggestion
        self.keepTyped = keepTyped
    }
}

extension SignupFormPage {
    /// Keys: `form` (see ``SignupForm``).
    var templateValues: TemplateValues {
        let form = SignupForm(
            id: "signup", choices: newsletters, email: email, name: name, errors: errors, suggestion: suggestion,
            keepTyped: keepTyped)
        return site.context(["form": form.templateValues])
    }
}
