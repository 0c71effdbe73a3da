import Foundation
import HeraldCore
import HeraldTemplates

/// Builds the archive's view models (URLs, descriptions, items) from stored issues; pages in the
/// language asked for, the feed in the newsletter's.
struct ArchiveRenderer: Sendable {
    let templates: TemplateLibrary
    let site: SiteContext

    private func site(_ language: String) -> SiteContext {
        var site = site
        site.language = language
        return site
    }

    func list(_ newsletter: Newsletter, issues: [DigestIssue], page: Int, pageCount: Int, language: String) -> String {
        let base = archiveURL(newsletter)
        let canonical = page == 1 ? base : "\(base)?page=\(page)"
        let newer = page > 1 ? (page == 2 ? base : "\(base)?page=\(page - 1)") : nil
        let older = page < pageCount ? "\(base)?page=\(page + 1)" : nil
        return templates.archiveListPage(
            ArchiveListPage(
                site: site(language), newsletter: newsletter, issues: issues.map { archived($0, newsletter) },
                page: page,
                pageCount: pageCount, newerURL: newer, olderURL: older,
                head: head(newsletter, canonical: canonical, description: newsletter.description)))
    }

    func issue(_ newsletter: Newsletter, _ issue: DigestIssue, language: String) -> String {
        let archived = archived(issue, newsletter)
        let description = archived.items.map(\.title).joined(separator: " · ")
        return templates.archiveIssuePage(
            ArchiveIssuePage(
                site: site(language), newsletter: newsletter, issue: archived, archiveURL: archiveURL(newsletter),
                head: head(newsletter, canonical: archived.url, description: description)))
    }

    func feed(_ newsletter: Newsletter, issues: [DigestIssue], language: String) -> String {
        templates.archiveFeed(
            ArchiveFeed(
                site: site(language), newsletter: newsletter,
                issues: issues.map { archived($0, newsletter) },
                feedURL: feedURL(newsletter), archiveURL: archiveURL(newsletter)))
    }

    private func archived(_ issue: DigestIssue, _ newsletter: Newsletter) -> ArchiveIssue {
        ArchiveIssue(
            period: issue.period, date: Self.day(issue.period, in: newsletter.timeZone) ?? issue.createdAt,
            completedAt: issue.completedAt ?? issue.createdAt,
            url: "\(archiveURL(newsletter))/\(PathSegment.escape(issue.period))",
            items: issue.articles.map(DigestItem.init(article:)), language: newsletter.language)
    }

    private func head(_ newsletter: Newsletter, canonical: String, description: String) -> ArchiveHead {
        ArchiveHead(
            canonicalURL: canonical, description: description.isEmpty ? newsletter.title : description,
            feedURL: feedURL(newsletter), noindex: newsletter.archiveNoindex)
    }

    /// The start of the day a `yyyy-MM-dd` period key names, in the newsletter's zone; nil for
    /// other keys (`--period` takes any text), which show the day the issue was created.
    static func day(_ period: String, in timeZone: String) -> Date? {
        let parts = period.split(separator: "-", omittingEmptySubsequences: false)
        guard period.utf8.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .gmt
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    private func archiveURL(_ newsletter: Newsletter) -> String { "\(site.baseURL)/archive/\(newsletter.slug)" }
    private func feedURL(_ newsletter: Newsletter) -> String { "\(archiveURL(newsletter))/feed.xml" }
}
