import HeraldCore
import HeraldTemplates

/// Builds page view models from request data and renders them with the template library.
struct PageRenderer: Sendable {
    let templates: TemplateLibrary
    let site: SiteContext
    let newsletters: [Newsletter]

    func choices(selected: [String]) -> [NewsletterChoice] {
        newsletters.map { NewsletterChoice($0, selected: selected.contains($0.slug)) }
    }

    func index() -> String {
        templates.indexPage(IndexPage(site: site, newsletters: newsletters))
    }

    func embed(slug: String?) -> String {
        let newsletter = newsletters.first { $0.slug == slug } ?? newsletters[0]
        return templates.embedPage(EmbedPage(site: site, newsletter: newsletter))
    }

    func signupForm(_ submission: SignupSubmission, problems: [SignupFieldProblem]) -> String {
        let errors = Set(problems.map(\.formError))
        let suggestion = problems.lazy.compactMap(\.suggestion).first
        return templates.signupFormPage(
            SignupFormPage(
                site: site, newsletters: choices(selected: submission.newsletters),
                email: String((submission.email ?? "").prefix(320)), name: String((submission.name ?? "").prefix(200)),
                errors: errors, suggestion: suggestion))
    }

    func thankYou(slugs: [String]) -> String {
        templates.thankYouPage(ThankYouPage(site: site, newsletters: newsletters.filter { slugs.contains($0.slug) }))
    }

    func error(status: Int, message: String?) -> String {
        templates.errorPage(ErrorPage(site: site, status: status, message: message))
    }

    func tokenInvalid(_ problem: LinkProblem) -> String {
        templates.tokenInvalidPage(
            TokenInvalidPage(
                site: site, problem: TokenInvalidPage.Problem(rawValue: problem.rawValue) ?? .unknown,
                newsletters: choices(selected: [])))
    }

    func url(_ path: String) -> String { site.baseURL + path }
}

extension SignupFieldProblem {
    /// The form error flag this problem shows next to its field.
    var formError: SignupFieldError {
        switch (field, code) {
        case ("email", "required"): return .emailMissing
        case ("email", _), ("body", _): return .emailInvalid
        case ("name", _): return .nameTooLong
        default: return .newsletterMissing
        }
    }
}
