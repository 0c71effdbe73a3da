/// Shown when a confirmation or unsubscribe link cannot be used, with a small form to ask for a
/// new confirmation mail (it posts to `/subscribe`).
public struct TokenInvalidPage: Sendable, Equatable {
    /// Why the link cannot be used; each reason's explanation lives in `pages/token_invalid`.
    public enum Problem: String, Sendable, CaseIterable {
        /// The link is not known (mistyped, cut off, or never issued).
        case unknown
        /// The link is older than its validity period.
        case expired
        /// The link was already used.
        case used
    }

    /// The site the page belongs to.
    public var site: SiteContext
    /// Why the link cannot be used.
    public var problem: Problem
    /// Newsletters offered in the form; the one the link was for, when known, is `selected`.
    public var newsletters: [NewsletterChoice]
    /// Address to prefill, when known.
    public var email: String?

    /// A token-invalid page.
    public init(site: SiteContext, problem: Problem, newsletters: [NewsletterChoice], email: String? = nil) {
        self.site = site
        self.problem = problem
        self.newsletters = newsletters
        self.email = email
    }
}

extension TokenInvalidPage {
    /// Keys: `unknown` / `expired` / `used` (one is true), `form` (see ``SignupForm``).
    var templateValues: TemplateValues {
        var values: TemplateValues = [
            "form": SignupForm(id: "resend", choices: newsletters, email: email ?? "").templateValues
        ]
        for problem in Problem.allCases {
            values[problem.rawValue] = problem == self.problem
        }
        return site.context(values)
    }
}
