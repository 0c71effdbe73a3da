import HeraldCore

/// A page for publishers: the copy-paste HTML of a signup form for ``newsletter`` to put on
/// another site, shown as escaped source and as a live preview.
///
/// The snippet itself is the template `partials/embed_snippet`.
public struct EmbedPage: Sendable, Equatable {
    /// The site (its base URL is where the snippet's form posts).
    public var site: SiteContext
    /// The newsletter the snippet signs people up for.
    public var newsletter: Newsletter

    /// An embed page.
    public init(site: SiteContext, newsletter: Newsletter) {
        self.site = site
        self.newsletter = newsletter
    }
}

extension EmbedPage {
    /// Keys for `partials/embed_snippet`: `newsletter`.
    var snippetValues: TemplateValues {
        site.context(["newsletter": newsletter.templateValues])
    }

    /// Keys: `newsletter`, `snippet` (the rendered snippet's HTML source).
    func templateValues(snippet: String) -> TemplateValues {
        site.context(["newsletter": newsletter.templateValues, "snippet": snippet])
    }
}
