import Foundation
import HeraldCore

/// `GET /archive/{newsletter}/feed.xml`: an Atom feed (RFC 4287) of the newest sent issues.
public struct ArchiveFeed: Sendable, Equatable {
    /// The site (the feed's author).
    public var site: SiteContext
    /// The newsletter.
    public var newsletter: Newsletter
    /// The newest issues, newest first.
    public var issues: [ArchiveIssue]
    /// The feed's own URL (`rel="self"`) and the archive page (`rel="alternate"`).
    public var feedURL: String
    public var archiveURL: String

    /// An archive feed.
    public init(site: SiteContext, newsletter: Newsletter, issues: [ArchiveIssue], feedURL: String, archiveURL: String)
    {
        self.site = site
        self.newsletter = newsletter
        self.issues = issues
        self.feedURL = feedURL
        self.archiveURL = archiveURL
    }
}

extension ArchiveFeed {
    /// Keys: `newsletter`, `feed_url`, `archive_url`, `updated` (RFC 3339: the newest issue's
    /// completion, or the Unix epoch for an empty archive), `entries` (each ``ArchiveIssue``'s keys
    /// plus `updated` and `content_html`: the issue's articles rendered as HTML by
    /// `renderContent`, escaped once more by the feed template).
    func templateValues(renderContent: (TemplateValues) -> String) -> TemplateValues {
        let dates = ArchiveDates(site: site, newsletter: newsletter)
        let entries = issues.map { issue -> TemplateValues in
            var entry = issue.templateValues(dates)
            entry["updated"] = ArchiveDates.rfc3339(issue.completedAt)
            entry["content_html"] = renderContent(site.context(["issue": entry]))
            return entry
        }
        let updated = issues.map(\.completedAt).max() ?? Date(timeIntervalSince1970: 0)
        return site.context([
            "newsletter": newsletter.templateValues,
            "feed_url": feedURL,
            "archive_url": archiveURL,
            "updated": ArchiveDates.rfc3339(updated),
            "entries": entries,
        ])
    }
}
