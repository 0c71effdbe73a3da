/// A generic error page (for 404, 413, 429, 500 and the like).
public struct ErrorPage: Sendable, Equatable {
    /// The site the page belongs to.
    public var site: SiteContext
    /// The HTTP status code the page is sent with.
    public var status: Int
    /// An extra sentence for the reader, when the code has one; never internal details.
    public var message: String?

    /// An error page.
    public init(site: SiteContext, status: Int, message: String? = nil) {
        self.site = site
        self.status = status
        self.message = message
    }
}

extension ErrorPage {
    /// Keys: `status`, `message`, `status_<code>` (e.g. `status_429`, true), `client_error`
    /// (4xx), `server_error` (5xx).
    var templateValues: TemplateValues {
        site.context([
            "status": status,
            "message": nullable(message),
            "status_\(status)": true,
            "client_error": (400..<500).contains(status),
            "server_error": !(400..<500).contains(status),
        ])
    }
}
