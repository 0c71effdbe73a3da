import Foundation
import HeraldCore
import HeraldTemplates
import Testing

/// The archive, error and embed pages in Ukrainian against golden files, and `lang`/`dir` on
/// fragments written in another language than their page (#17).
@Suite("Archive, error and embed pages per language")
struct ReaderPagesLanguageTests {
    let library: TemplateLibrary

    init() throws {
        library = try Fixtures.library()
    }

    static func site(_ language: String) -> SiteContext {
        var site = Fixtures.site
        site.language = language
        return site
    }

    static let digest: Newsletter = {
        var newsletter = Newsletter(
            slug: "digest", title: "Дайджест дня", description: "Головне за день — щовечора.", timeZone: "Europe/Kyiv")
        newsletter.language = "uk"
        newsletter.languages = ["uk", "en"]
        return newsletter
    }()

    static let issue: ArchiveIssue = {
        var issue = ArchiveGoldenTests.issue
        issue.url = "https://news.example.org/archive/digest/2026-11-25"
        issue.items[0].title = "Рада ухвалила бюджет на 2027 рік"
        issue.items[0].author = "Олена Коваль"
        issue.language = "uk"
        return issue
    }()

    static let head = ArchiveHead(
        canonicalURL: issue.url, description: "Рада ухвалила бюджет на 2027 рік · No link",
        feedURL: "https://news.example.org/archive/digest/feed.xml", noindex: false)

    func issuePage(_ language: String) -> String {
        library.archiveIssuePage(
            ArchiveIssuePage(
                site: Self.site(language), newsletter: Self.digest, issue: Self.issue,
                archiveURL: "https://news.example.org/archive/digest", head: Self.head))
    }

    func listPage(_ language: String, issues: [ArchiveIssue]) -> String {
        library.archiveListPage(
            ArchiveListPage(
                site: Self.site(language), newsletter: Self.digest, issues: issues, page: 2, pageCount: 3,
                newerURL: "https://news.example.org/archive/digest",
                olderURL: "https://news.example.org/archive/digest?page=3", head: Self.head))
    }

    @Test func ukrainianArchiveIssuePage() {
        let html = issuePage("uk")
        Golden.check(html, against: "uk/archive_issue.html")
        #expect(html.contains("<title>Дайджест дня за 25 листопада 2026"))
        #expect(html.contains("Автор: Олена Коваль"))
        #expect(html.components(separatedBy: "lang=\"uk\"").count == 2, "no fragment repeats the page's language")
    }

    @Test func ukrainianArchiveListPage() {
        let html = listPage("uk", issues: [Self.issue])
        Golden.check(html, against: "uk/archive_list.html")
        #expect(html.contains("Сторінка 2 з 3"))
        #expect(html.contains("Давніші випуски") && html.contains("Новіші випуски"))
        let empty = listPage("uk", issues: [])
        #expect(empty.contains("Ще не вийшло жодного випуску."))
    }

    @Test func anIssueReadInEnglishMarksItsUkrainianArticles() {
        let html = issuePage("en")
        #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(html.contains("<p class=\"kicker\" lang=\"uk\">Дайджест дня</p>"))
        #expect(html.contains("<div lang=\"uk\">\n"))
        #expect(html.contains("By Олена Коваль"))
        #expect(html.contains("All past issues of Дайджест дня"))
        let list = listPage("en", issues: [Self.issue])
        #expect(list.contains("<p class=\"muted\" lang=\"uk\">Рада ухвалила бюджет"))
        #expect(list.contains("<p class=\"lead\" lang=\"uk\">Головне за день"))
    }

    @Test func anIssueWithoutAKnownLanguageClaimsNone() {
        var issue = Self.issue
        issue.language = nil
        let html = library.archiveListPage(
            ArchiveListPage(
                site: Self.site("en"), newsletter: Self.digest, issues: [issue], page: 1, pageCount: 1,
                newerURL: nil, olderURL: nil, head: Self.head))
        #expect(html.contains("<p class=\"muted\">Рада ухвалила бюджет"))
    }

    @Test func ukrainianErrorPages() {
        let notFound = library.errorPage(ErrorPage(site: Self.site("uk"), status: 404))
        Golden.check(notFound, against: "uk/error_404.html")
        let limited = library.errorPage(ErrorPage(site: Self.site("uk"), status: 429, reason: .signups))
        #expect(limited.contains("З вашого з’єднання надійшло забагато запитів."))
        #expect(limited.contains("З вашої мережі надійшло забагато заявок на підписку."))
        #expect(limited.contains("<p class=\"muted\">Помилка 429</p>"))
        let down = library.errorPage(ErrorPage(site: Self.site("uk"), status: 503))
        #expect(down.contains("Вибачте, щось пішло не так"))
        let other = library.errorPage(ErrorPage(site: Self.site("uk"), status: 418))
        #expect(other.contains("Перевірте адресу або спробуйте пізніше."))
        #expect(other.contains("На жаль, ми не можемо виконати цей запит"))
    }

    @Test func everyExplainedStatusHasItsOwnSentenceInEveryLanguage() {
        for language in ["en", "uk"] {
            var sentences: Set<String> = []
            for status in ErrorPage.explained.sorted() {
                let html = library.errorPage(ErrorPage(site: Self.site(language), status: status))
                let lead = html.components(separatedBy: "<p class=\"lead\">").dropFirst().first?
                    .components(separatedBy: "</p>").first
                #expect(lead != nil && lead?.hasPrefix("error.") == false, "\(language) \(status)")
                sentences.insert(lead ?? "")
            }
            #expect(sentences.count == ErrorPage.explained.count, "\(language)")
        }
    }

    @Test func ukrainianEmbedPageAndSnippet() {
        let page = EmbedPage(site: Self.site("uk"), newsletter: Self.digest)
        Golden.check(library.embedPage(page), against: "uk/embed.html")
        let snippet = library.embedSnippet(page)
        #expect(
            snippet.hasPrefix(
                "<form action=\"https://news.example.org/subscribe\" method=\"post\" class=\"herald-signup\" lang=\"uk\" dir=\"ltr\">"
            ))
        #expect(snippet.contains("<input type=\"hidden\" name=\"language\" value=\"uk\">"))
        #expect(snippet.contains(">Електронна пошта</label>") && snippet.contains(">Підписатися</button>"))
        let english = library.embedSnippet(EmbedPage(site: Self.site("en"), newsletter: Self.digest))
        #expect(english.contains("<strong lang=\"uk\">Дайджест дня</strong>"))
        #expect(english.contains(">Email address</label>"))
    }

    @Test func aUkrainianNewsletterOnAnEnglishDemoPageCarriesItsLanguage() {
        let html = library.indexPage(IndexPage(site: Self.site("en"), newsletters: [Fixtures.morning, Self.digest]))
        #expect(html.contains("<div class=\"card-intro\" lang=\"uk\">\n        <h3>Дайджест дня</h3>"))
        #expect(html.contains("<div class=\"card-intro\">\n        <h3>Morning Briefing</h3>"))
        #expect(html.contains("<span lang=\"uk\">Дайджест дня <small>Головне за день"))
        let ukrainian = library.indexPage(
            IndexPage(site: Self.site("uk"), newsletters: [Fixtures.morning, Self.digest]))
        #expect(ukrainian.contains("<div class=\"card-intro\" lang=\"en\">\n        <h3>Morning Briefing</h3>"))
        Golden.check(ukrainian, against: "uk/index.html")
    }

    @Test func aRightToLeftFragmentCarriesItsDirection() {
        var arabic = Self.digest
        arabic.language = "ar"
        let html = library.indexPage(IndexPage(site: Self.site("en"), newsletters: [arabic]))
        #expect(html.contains("<div class=\"card-intro\" lang=\"ar\" dir=\"rtl\">"))
    }
}
