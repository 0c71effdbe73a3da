import Foundation
import HeraldTemplates
import Testing

@Suite("Archive pages and feed match the golden files")
struct ArchiveGoldenTests {
    let library: TemplateLibrary

    init() throws {
        library = try Fixtures.library()
    }

    static let issue = ArchiveIssue(
        period: "2026-11-25", date: Date(timeIntervalSince1970: 1_795_564_800),
        completedAt: Date(timeIntervalSince1970: 1_795_590_000),
        url: "https://news.example.org/archive/morning/2026-11-25",
        items: [
            DigestItem(
                title: "Budget & <more>", link: "https://news.example.org/budget",
                summaryHTML: "<p>Read <b>this</b></p>",
                author: "Olena", date: Date(timeIntervalSince1970: 1_795_564_800)),
            DigestItem(title: "No link", link: "javascript:alert(1)", summaryText: "Plain \(Fixtures.scriptAttack)"),
        ])

    static let head = ArchiveHead(
        canonicalURL: issue.url, description: "Budget & <more> · No link",
        feedURL: "https://news.example.org/archive/morning/feed.xml", noindex: false)

    @Test func issuePage() {
        let page = ArchiveIssuePage(
            site: Fixtures.site, newsletter: Fixtures.morning, issue: Self.issue,
            archiveURL: "https://news.example.org/archive/morning", head: Self.head)
        Golden.check(library.archiveIssuePage(page), against: "archive_issue.html")
    }

    @Test func listPageWithPagesAndNoindex() {
        var head = Self.head
        head.noindex = true
        let page = ArchiveListPage(
            site: Fixtures.site, newsletter: Fixtures.morning, issues: [Self.issue], page: 2, pageCount: 3,
            newerURL: "https://news.example.org/archive/morning",
            olderURL: "https://news.example.org/archive/morning?page=3", head: head)
        Golden.check(library.archiveListPage(page), against: "archive_list.html")
    }

    @Test func atomFeed() {
        let feed = ArchiveFeed(
            site: Fixtures.site, newsletter: Fixtures.morning, issues: [Self.issue],
            feedURL: "https://news.example.org/archive/morning/feed.xml",
            archiveURL: "https://news.example.org/archive/morning")
        Golden.check(library.archiveFeed(feed), against: "archive_feed.xml")
    }
}
