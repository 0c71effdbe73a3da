extension TemplateLibrary {
    /// One page of a newsletter's public archive (`pages/archive`).
    public func archiveListPage(_ page: ArchiveListPage) -> String {
        render(PageTemplate.archive.name, page.templateValues)
    }

    /// One sent issue as a web page (`pages/archive_issue`; its articles from `partials/archive_articles`).
    public func archiveIssuePage(_ page: ArchiveIssuePage) -> String {
        render(PageTemplate.archiveIssue.name, page.templateValues)
    }

    /// The archive's Atom feed (`pages/archive_feed.xml`; each entry's content from `partials/archive_articles`).
    public func archiveFeed(_ feed: ArchiveFeed) -> String {
        render(
            PageTemplate.archiveFeed.name,
            feed.templateValues { render(PartTemplate.archiveArticles.name, $0) })
    }
}
