import HeraldCore

/// `GET /archive/{newsletter}`: the newsletter's sent issues, newest first, one page of them.
public struct ArchiveListPage: Sendable, Equatable {
    /// The site.
    public var site: SiteContext
    /// The newsletter whose archive this is.
    public var newsletter: Newsletter
    /// This page's issues, newest first.
    public var issues: [ArchiveIssue]
    /// 1-based page number and the number of pages (at least 1).
    public var page: Int
    public var pageCount: Int
    /// Links to the newer and older pages, when there are some.
    public var newerURL: String?
    public var olderURL: String?
    /// Canonical URL, description, feed, indexing.
    public var head: ArchiveHead

    /// An archive list page.
    public init(
        site: SiteContext, newsletter: Newsletter, issues: [ArchiveIssue], page: Int, pageCount: Int,
        newerURL: String?, olderURL: String?, head: ArchiveHead
    ) {
        self.site = site
        self.newsletter = newsletter
        self.issues = issues
        self.page = page
        self.pageCount = pageCount
        self.newerURL = newerURL
        self.olderURL = olderURL
        self.head = head
    }
}

extension ArchiveListPage {
    /// Keys: `newsletter`, `issues` (see ``ArchiveIssue``), `has_issues`, `page`, `page_count`, `paged` (more than
    /// one page), `newer_url`, `older_url`, `form` (a signup form for the newsletter), and the
    /// ``ArchiveHead`` keys.
    var templateValues: TemplateValues {
        let dates = ArchiveDates(site: site, newsletter: newsletter)
        var values: TemplateValues = [
            "newsletter": newsletter.templateValues,
            "issues": issues.map { $0.templateValues(dates) },
            "has_issues": !issues.isEmpty,
            "page": page,
            "page_count": pageCount,
            "paged": pageCount > 1,
            "newer_url": nullable(newerURL),
            "older_url": nullable(olderURL),
            "form": SignupForm(id: "signup-\(newsletter.slug)", choices: [NewsletterChoice(newsletter)]).templateValues,
        ]
        values.merge(head.templateValues) { _, new in new }
        return site.context(values)
    }
}
