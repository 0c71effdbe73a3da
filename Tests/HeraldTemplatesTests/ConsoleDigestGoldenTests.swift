import Foundation
import HeraldCore
import HeraldTemplates
import Testing

/// The console's pages that had no golden file (the console is English-only: its text lives in
/// the templates, not in the message catalogs): the subscriber list, the digest list, an issue's
/// report and the next issue's preview. Every value a stranger or an operator typed is escaped.
@Suite("Console list and digest pages match the golden files")
struct ConsoleDigestGoldenTests {
    let library: TemplateLibrary
    let frame = ConsoleFrame(site: Fixtures.site, operatorName: "desk", csrf: "csrf-token")

    init() throws {
        library = try Fixtures.library()
    }

    @Test func theSubscriberListFiltered() {
        let html = library.consoleSubscribersPage(
            ConsoleSubscribersPage(
                frame: frame, query: "<olena>", newsletter: "morning", from: "2026-11-01", to: "2026-12-01",
                status: "confirmed", newsletters: [Fixtures.morning, Fixtures.culture],
                rows: [
                    .init(
                        id: 7, email: "olena@example.org", name: "<b>Олена</b>", subscriptions: "Morning Briefing",
                        since: "2026-11-02"),
                    .init(id: 9, email: "petro@example.org", name: nil, subscriptions: "", since: "2026-11-20"),
                ],
                nextURL: "https://news.example.org/admin/subscribers?after=9", notice: .erased))
        Golden.check(html, against: "console_subscribers.html")
        #expect(!html.contains("<b>Олена") && html.contains("&lt;b&gt;Олена&lt;/b&gt;"))
        #expect(html.contains("&lt;olena&gt;"))
    }

    /// Each notice shows its own sentence, once, in the status region; an erasure whose database
    /// rewrite failed says so.
    @Test(arguments: ConsoleNotice.allCases)
    func eachNoticeShowsItsOwnSentence(_ notice: ConsoleNotice) throws {
        let html = library.consoleSubscribersPage(
            ConsoleSubscribersPage(
                frame: frame, query: "", newsletter: nil, status: nil, newsletters: [Fixtures.morning], rows: [],
                nextURL: nil, notice: notice))
        let style = notice == .erasedNotRewritten ? "notice alert" : "notice"  // a failure shows as one
        let region = try #require(html.firstRange(of: #"<p class="\#(style)" role="status">"#))
        let text = html[region.upperBound...].prefix { $0 != "<" }.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.count > 20 && text.hasSuffix("."))
        #expect(html.ranges(of: text).count == 1)
        #expect(text.contains("could not be rewritten") == (notice == .erasedNotRewritten))
    }

    @Test func theSubscriberListEmpty() {
        let html = library.consoleSubscribersPage(
            ConsoleSubscribersPage(
                frame: frame, query: "", newsletter: nil, status: nil, newsletters: [Fixtures.morning], rows: [],
                nextURL: nil))
        Golden.check(html, against: "console_subscribers_empty.html")
    }

    @Test func theDigestListWithAnIssueBeingSent() {
        let html = library.consoleDigestsPage(
            ConsoleDigestsPage(
                frame: frame,
                newsletters: [
                    .init(
                        slug: "morning", title: "Morning <Briefing>",
                        issues: [
                            .init(
                                id: 13, period: "2026-12-02", language: "uk", articles: 5, created: "2026-12-02 06:00",
                                completed: nil),
                            .init(
                                id: 12, period: "2026-12-02", language: "en", articles: 4, created: "2026-12-02 06:00",
                                completed: "2026-12-02 06:03"),
                            .init(
                                id: 11, period: "2026-12-01", language: "en", articles: 3, created: "2026-12-01 06:00",
                                completed: "2026-12-01 06:04"),
                        ]),
                    .init(slug: "culture", title: "Culture Weekly", issues: []),
                ]))
        Golden.check(html, against: "console_digests.html")
        #expect(html.contains("Morning &lt;Briefing&gt;") && html.contains("being sent"))
        #expect(html.contains("<html lang=\"en\"") && html.contains("Skip to content"))
        #expect(
            html.contains("<th scope=\"col\">Language</th>")
                && html.contains("<td data-label=\"Language\"><code>uk</code></td>"))
    }

    @Test func anIssueReportWithFailures() {
        let html = library.consoleDigestReportPage(
            ConsoleDigestReportPage(
                frame: frame, newsletterTitle: "Morning Briefing", period: "2026-12-01", language: "uk",
                figures: [["Recipients", "40"], ["Opened", "12"]],
                links: [["<Story> one", "https://example.org/1", "9", "1"], ["Removed link", "", "2", "0"]],
                hours: [["06:00", "8", "1"], ["07:00", "4", "0"]],
                chart: "<svg role=\"img\"><title>Opens</title></svg>",
                csvPath: "/admin/digests/morning/11/clicks.csv",
                deliveries: DeliveryBar(sent: 36, failed: 1, deferred: 2, remaining: 0, skipped: 1),
                failures: [["olena@example.org", "550 5.1.1 <unknown>"]], retryPath: "/admin/digests/morning/11/retry",
                notice: .reopened))
        Golden.check(html, against: "console_digest.html")
        #expect(html.contains("&lt;Story&gt; one") && html.contains("550 5.1.1 &lt;unknown&gt;"))
        // The console stays in English whatever the issue's language.
        #expect(html.contains("<html lang=\"en\"") && html.contains("Skip to content"))
        #expect(html.contains("<h1>Morning Briefing: 2026-12-01 <span class=\"muted\">(<code>uk</code>)</span></h1>"))
    }

    @Test func theNextIssuePreviewWithQueuedArticles() {
        let html = library.consoleDigestNextPage(
            ConsoleDigestNextPage(
                frame: frame, slug: "morning", title: "Morning Briefing",
                preview: .init(
                    subject: "Morning Briefing: <Story> and 1 more", html: "<p>Hello</p>", text: "Hello",
                    articles: [["<Story>", "https://example.org/1"], ["Second", "https://example.org/2"]],
                    recipients: 40),
                previewProblem: nil,
                queue: [
                    .init(
                        id: 3, title: "<Queued> by hand", url: "https://example.org/q", queuedBy: "desk",
                        queuedAt: "2026-12-02 09:00")
                ],
                form: ["title": "\"><img src=x>", "url": "notaurl", "summary": ""],
                formProblem: "The link must start with https:// or http://.", notice: .queued))
        Golden.check(html, against: "console_digest_next.html")
        #expect(!html.contains("<img src=x>") && html.contains("&lt;Queued&gt; by hand"))
    }

    @Test func theNextIssueWhenTheFeedCannotBeRead() {
        let html = library.consoleDigestNextPage(
            ConsoleDigestNextPage(
                frame: frame, slug: "morning", title: "Morning Briefing", preview: nil,
                previewProblem: "The feed could not be read: 404 at https://example.org/feed.xml", queue: []))
        Golden.check(html, against: "console_digest_next_problem.html")
        #expect(html.contains("The feed could not be read"))
    }
}
