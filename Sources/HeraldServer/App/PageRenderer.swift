import HeraldApp
import HeraldCore
import HeraldLocalization
import HeraldTemplates

/// Builds page view models from request data and renders them with the template library.
struct PageRenderer: Sendable {
    let templates: TemplateLibrary
    let baseSite: SiteContext
    let newsletters: [Newsletter]
    /// The signup challenge, whose state decides what forms say about it.
    let challenge: ChallengeGate?
    /// How a page without a subscriber picks its language.
    let languages: PageLanguages

    init(templates: TemplateLibrary, site: SiteContext, newsletters: [Newsletter], challenge: ChallengeGate? = nil) {
        self.templates = templates
        self.baseSite = site
        self.newsletters = newsletters
        self.challenge = challenge
        self.languages = PageLanguages(newsletters: newsletters)
    }

    /// The site as pages show it now (with the challenge state), in the default language.
    var site: SiteContext { site(language: languages.fallback) }

    /// The site as pages show it now, in `language`.
    func site(language: String) -> SiteContext {
        var site = baseSite
        site.language = language
        site.challengeSolver = challenge?.isEnabled ?? false
        site.challengeRequired = challenge?.isRequiredNow() ?? false
        site.challengeAlways = challenge?.settings.mode == .always
        return site
    }

    func choices(selected: [String]) -> [NewsletterChoice] {
        newsletters.map { NewsletterChoice($0, selected: selected.contains($0.slug)) }
    }

    func index(language: String) -> String {
        templates.indexPage(IndexPage(site: site(language: language), newsletters: newsletters))
    }

    /// The embed page for the newsletter `slug` (the first when unknown), in `language(newsletter)`.
    func embed(slug: String?, language: (Newsletter) -> String) -> String {
        let newsletter = newsletters.first { $0.slug == slug } ?? newsletters[0]
        return templates.embedPage(EmbedPage(site: site(language: language(newsletter)), newsletter: newsletter))
    }

    func signupForm(_ submission: SignupSubmission, problems: [SignupFieldProblem], language: String) -> String {
        let errors = Set(problems.compactMap(\.formError))
        let suggestion = problems.lazy.compactMap(\.suggestion).first
        var site = site(language: language)
        // A refused solution means the solver must run on this page whatever the mode says now.
        if !errors.isDisjoint(with: [.challengeMissing, .challengeExpired, .challengeFailed]) {
            site.challengeRequired = true
        }
        return templates.signupFormPage(
            SignupFormPage(
                site: site, newsletters: choices(selected: submission.newsletters),
                email: String((submission.email ?? "").prefix(320)), name: String((submission.name ?? "").prefix(200)),
                errors: errors, suggestion: suggestion, keepTyped: problems.contains { $0.code == "suggestion" }))
    }

    func thankYou(slugs: [String], language: String) -> String {
        templates.thankYouPage(
            ThankYouPage(site: site(language: language), newsletters: newsletters.filter { slugs.contains($0.slug) }))
    }

    func error(status: Int, reason: ErrorPage.Reason? = nil, language: String) -> String {
        templates.errorPage(ErrorPage(site: site(language: language), status: status, reason: reason))
    }

    /// The JSON `message` of an error answer: the error page's sentence for `status` (or for
    /// `reason`) in `language`.
    func errorMessage(status: Int, reason: ErrorPage.Reason? = nil, language: String) -> String {
        let messages = templates.catalogs.messages(for: language)
        let key =
            reason.map { "error.reason.\($0.rawValue)" }
            ?? (ErrorPage.explained.contains(status) ? "error.\(status)" : "error.other")
        return messages.text(key) ?? key
    }

    func tokenInvalid(_ problem: LinkProblem, language: String) -> String {
        templates.tokenInvalidPage(
            TokenInvalidPage(
                site: site(language: language),
                problem: TokenInvalidPage.Problem(rawValue: problem.rawValue) ?? .unknown,
                newsletters: choices(selected: [])))
    }

    func url(_ path: String) -> String { site.baseURL + path }
}

extension SignupFieldProblem {
    /// The form error flag this problem shows next to its field (none for a typo suggestion,
    /// which the page asks about instead).
    var formError: SignupFieldError? {
        switch (field, code) {
        case ("email", "required"): return .emailMissing
        case ("email", "suggestion"): return nil
        case ("altcha", "challenge_required"), ("altcha", "challenge_malformed"): return .challengeMissing
        case ("altcha", "challenge_expired"): return .challengeExpired
        case ("altcha", _): return .challengeFailed
        case ("email", _), ("body", _): return .emailInvalid
        case ("name", _): return .nameTooLong
        case ("language", _): return nil
        default: return .newsletterMissing
        }
    }
}
