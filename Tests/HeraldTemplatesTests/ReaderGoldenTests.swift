import Foundation
import HeraldCore
import HeraldTemplates
import Testing

/// Every page a reader sees and every mail a subscriber gets, whole, against golden files in
/// both shipped languages (`Golden/reader/<language>/`). The signup form, thank-you page,
/// confirmation, reminder and digest have their own golden tests.
@Suite("Every reader page and mail matches its golden file, in English and Ukrainian")
struct ReaderGoldenTests {
    let library: TemplateLibrary

    init() throws {
        library = try Fixtures.library()
    }

    static let languages = ["en", "uk"]
    static let manage = "https://news.example.org/preferences/tok123?lang=uk&x=1"

    func site(_ language: String) -> SiteContext {
        var site = Fixtures.site
        site.language = language
        return site
    }

    func check(_ text: String, _ language: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.check(text, against: "reader/\(language)/\(name)", sourceLocation: sourceLocation)
    }

    @Test(arguments: languages) func demoAndEmbedPages(_ language: String) {
        let site = site(language)
        check(
            library.indexPage(IndexPage(site: site, newsletters: [Fixtures.morning, Fixtures.culture])), language,
            "index.html")
        check(library.embedPage(EmbedPage(site: site, newsletter: Fixtures.morning)), language, "embed.html")
    }

    @Test(arguments: languages) func confirmationPages(_ language: String) {
        let site = site(language)
        let confirm = ConfirmPage(
            site: site, newsletter: Fixtures.morning, confirmURL: "https://news.example.org/confirm/tok123?x=1&y=2",
            email: "olena@example.org")
        check(library.confirmPage(confirm), language, "confirm.html")
        check(
            library.confirmedPage(ConfirmedPage(site: site, newsletter: Fixtures.morning, preferencesURL: Self.manage)),
            language, "confirmed.html")
        for problem in [TokenInvalidPage.Problem.unknown, .expired, .used] {
            let page = TokenInvalidPage(
                site: site, problem: problem, newsletters: [NewsletterChoice(Fixtures.morning)],
                email: problem == .expired ? "olena@example.org" : nil)
            check(library.tokenInvalidPage(page), language, "token_\(problem).html")
        }
    }

    @Test(arguments: languages) func unsubscribeAndPreferencesPages(_ language: String) {
        let site = site(language)
        let unsubscribe = UnsubscribePage(
            site: site, newsletter: Fixtures.morning, unsubscribeURL: "https://news.example.org/unsubscribe/tok123",
            email: "olena@example.org")
        check(library.unsubscribePage(unsubscribe), language, "unsubscribe.html")
        check(
            library.unsubscribedPage(
                UnsubscribedPage(
                    site: site, newsletter: Fixtures.morning, preferencesURL: Self.manage, email: "olena@example.org")),
            language, "unsubscribed.html")
        let preferences = PreferencesPage(
            site: site, email: "olena@example.org",
            newsletters: [NewsletterChoice(Fixtures.morning, selected: true), NewsletterChoice(Fixtures.culture)],
            preferencesURL: Self.manage, saved: true, languages: ["uk", "en"])
        check(library.preferencesPage(preferences), language, "preferences.html")
        var refused = preferences
        refused.saved = false
        refused.unknownLanguage = true
        check(library.preferencesPage(refused), language, "preferences_unknown_language.html")
    }

    @Test(arguments: languages) func errorPages(_ language: String) {
        for status in [400, 404, 413, 429, 500] {
            check(library.errorPage(ErrorPage(site: site(language), status: status)), language, "error_\(status).html")
        }
    }

    @Test(arguments: languages) func welcomeAndAlreadySubscribedMails(_ language: String) {
        let site = site(language)
        let welcome = library.welcomeMail(
            WelcomeMail(
                site: site, newsletter: Fixtures.morning, name: "Олена",
                unsubscribeURL: "https://news.example.org/unsubscribe/tok123", preferencesURL: Self.manage,
                latestIssueURL: "https://news.example.org/archive/morning/2026-12-03"))
        check(welcome.subject, language, "welcome.subject.txt")
        check(welcome.text, language, "welcome.txt")
        check(welcome.html, language, "welcome.html")
        let already = library.alreadySubscribedMail(
            AlreadySubscribedMail(site: site, newsletter: Fixtures.morning, name: nil, preferencesURL: Self.manage))
        check(already.subject, language, "already_subscribed.subject.txt")
        check(already.text, language, "already_subscribed.txt")
        check(already.html, language, "already_subscribed.html")
    }

    @Test func theDoctorsTestMail() {
        let mail = library.doctorTestMail(site: Fixtures.site)
        Golden.check(mail.subject, against: "reader/en/doctor_test.subject.txt")
        Golden.check(mail.text, against: "reader/en/doctor_test.txt")
        Golden.check(mail.html, against: "reader/en/doctor_test.html")
    }
}
