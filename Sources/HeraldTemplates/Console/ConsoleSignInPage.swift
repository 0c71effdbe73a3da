/// `GET /admin/sign-in`: the operator console's sign-in form (an admin token).
public struct ConsoleSignInPage: Sendable, Equatable {
    /// Why the form is shown again, if it is.
    public enum Problem: String, Sendable {
        /// The token is not a configured one.
        case wrongToken = "wrong_token"
        /// The form's anti-forgery token did not match (an old tab, or a forged post).
        case staleForm = "stale_form"
        /// The session ended (signed out elsewhere, idle or too old).
        case sessionEnded = "session_ended"
    }

    public var site: SiteContext
    /// The anti-forgery token the form carries.
    public var csrf: String
    public var problem: Problem?
    /// The page the operator asked for, kept through sign-in (a path under `/admin`).
    public var next: String

    public init(site: SiteContext, csrf: String, problem: Problem? = nil, next: String = "/admin") {
        self.site = site
        self.csrf = csrf
        self.problem = problem
        self.next = next
    }
}

extension ConsoleSignInPage {
    /// Keys: `csrf`, `next`, `problem_<rawValue>` (true for the one problem), `has_problem`.
    var templateValues: TemplateValues {
        var values: TemplateValues = ["csrf": csrf, "next": next, "has_problem": problem != nil]
        if let problem { values["problem_\(problem.rawValue)"] = true }
        return site.context(values)
    }
}

extension TemplateLibrary {
    /// The console's sign-in page (`pages/console_sign_in`).
    public func consoleSignInPage(_ page: ConsoleSignInPage) -> String {
        render(PageTemplate.consoleSignIn.name, page.templateValues)
    }

    /// The console's dashboard (`pages/console_dashboard`).
    public func consoleDashboardPage(_ page: ConsoleDashboardPage) -> String {
        render(PageTemplate.consoleDashboard.name, page.templateValues)
    }
}
