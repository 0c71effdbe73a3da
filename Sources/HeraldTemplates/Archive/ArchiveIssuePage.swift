import HeraldCore

/// `GET /archive/{newsletter}/{period}`: one sent issue as a web page, with a signup form.
public struct ArchiveIssuePage: Sendable, Equatable {
    /// The site.
    public var site: SiteContext
    /// The newsletter the issue belongs to.
    public var newsletter: Newsletter
    /// The issue, with the articles it was sent with.
    public var issue: ArchiveIssue
    /// The archive's first page.
    public var archiveURL: String
    /// Canonical URL, description, feed, indexing.
    public var head: ArchiveHead

    /// An archive issue page.
    public init(site: SiteContext, newsletter: Newsletter, issue: ArchiveIssue, archiveURL: String, head: ArchiveHead) {
        self.site = site
        self.newsletter = newsletter
        self.issue = issue
        self.archiveURL = archiveURL
        self.head = head
    }
}

extension ArchiveIssuePage {
    /// Keys: `newsletter`, `issue` (see ``ArchiveIssue``), `archive_url`, `form` (a signup form
    /// for the newsletter), and the ``ArchiveHead`` keys.
    var templateValues: TemplateValues {
        var values: TemplateValues = [
            "newsletter": newsletter.templateValues,
            "issue": issue.templateValues(ArchiveDates(site: site, newsletter: newsletter)),
            "archive_url": archiveURL,
            "form": SignupForm(id: "signup-\(newsletter.slug)", choices: [NewsletterChoice(newsletter)]).templateValues,
        ]
        values.merge(head.templateValues) { _, new in new }
        return site.context(values)
    }
}
