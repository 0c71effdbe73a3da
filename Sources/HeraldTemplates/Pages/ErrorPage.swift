/// A generic error page (for 400, 404, 405, 413, 429, 500, 503 and the like), in the site's
/// language: every text comes from the catalogs (`error.*`).
public struct ErrorPage: Sendable, Equatable {
    /// Why a refusal happened, when the reader should know more than the status says; each
    /// reason's sentence is the catalog entry `error.reason.<rawValue>`.
    public enum Reason: String, Sendable, CaseIterable {
        /// Too many signups came from the reader's network (429).
        case signups
        /// Too many unknown confirmation or unsubscribe links were opened from the network (429).
        case links
    }

    /// The site the page belongs to.
    public var site: SiteContext
    /// The HTTP status code the page is sent with.
    public var status: Int
    /// A sentence from the catalogs about why, when the status alone does not say it.
    public var reason: Reason?
    /// An extra sentence already written in the page's language, shown as is: only the operator
    /// console (English) uses it; reader pages use ``reason``. Never internal details.
    public var message: String?

    /// An error page.
    public init(site: SiteContext, status: Int, reason: Reason? = nil, message: String? = nil) {
        self.site = site
        self.status = status
        self.reason = reason
        self.message = message
    }
}

extension ErrorPage {
    /// The statuses with a sentence of their own (`error.<status>`); others get `error.other`.
    public static let explained: Set<Int> = [400, 404, 405, 413, 429, 500, 503]

    /// Keys: `status`, `message`, `status_<code>` (e.g. `status_429`, true) for an explained
    /// status, else `status_other`; `reason_<reason>` (true for the reason given); `client_error`
    /// (4xx), `server_error` (otherwise).
    var templateValues: TemplateValues {
        var values: TemplateValues = [
            "status": status,
            "message": nullable(message),
            "status_other": !Self.explained.contains(status),
            "client_error": (400..<500).contains(status),
            "server_error": !(400..<500).contains(status),
        ]
        if Self.explained.contains(status) { values["status_\(status)"] = true }
        for reason in Reason.allCases { values["reason_\(reason.rawValue)"] = reason == self.reason }
        return site.context(values)
    }
}
