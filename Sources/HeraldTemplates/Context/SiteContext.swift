/// What every page and mail knows about the site it belongs to.
public struct SiteContext: Sendable, Equatable {
    /// Name of the publication, shown in headers, titles and mail footers ("The Daily Example").
    public var siteName: String
    /// Public base URL of the Herald service, without a trailing slash; forms post to `<baseURL>/subscribe`.
    public var baseURL: String
    /// Name of the hidden honeypot form field that people leave empty and bots fill in.
    public var honeypotField: String
    /// Language of the texts, used for `<html lang>` and for dates in digests (`en`, `en-GB`).
    public var language: String
    /// Pages load Herald's challenge solver and forms carry its field (`challenge_solver`).
    public var challengeSolver = false
    /// A solved challenge is required right now, so forms explain it to readers without
    /// JavaScript (`challenge_required`).
    public var challengeRequired = false
    /// The challenge is required at all times (`signup_challenge: always`), not because of an
    /// attack, so the explanation says so (`challenge_always`).
    public var challengeAlways = false

    /// A site; a trailing `/` on `baseURL` is removed so templates can append paths.
    public init(siteName: String, baseURL: String, honeypotField: String = "website", language: String = "en") {
        self.siteName = siteName
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.honeypotField = honeypotField
        self.language = language
    }
}

extension SiteContext {
    /// `values` plus the site keys every template may use: `site_name`, `base_url`,
    /// `honeypot_field`, `language`, `challenge_solver`, `challenge_required`, `challenge_always`.
    func context(_ values: TemplateValues) -> TemplateValues {
        var context: TemplateValues = [
            "site_name": siteName,
            "base_url": baseURL,
            "honeypot_field": honeypotField,
            "language": language,
            "challenge_solver": challengeSolver,
            "challenge_required": challengeRequired,
            "challenge_always": challengeAlways,
        ]
        context.merge(values) { _, new in new }
        return context
    }
}
