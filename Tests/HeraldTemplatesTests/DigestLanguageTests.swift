import Foundation
import HeraldCore
import HeraldTemplates
import Testing

/// Digest chrome from the catalogs: the whole Ukrainian digest against golden files, and the
/// article count and date line for the numbers where CLDR plural forms change.
@Suite("Digests per language")
struct DigestLanguageTests {
    let library: TemplateLibrary

    init() throws {
        library = try Fixtures.library()
    }

    static let ukrainian: SiteContext = {
        var site = Fixtures.site
        site.siteName = "Щоденний приклад"
        site.language = "uk"
        return site
    }()

    static let evening = Newsletter(
        slug: "evening", title: "Вечірній огляд", description: "Головне за день — щовечора.", timeZone: "Europe/Kyiv")

    /// 3 December 2026, 23:30 UTC: already 4 December in Kyiv.
    static let lateEvening = Date(timeIntervalSince1970: 1_796_340_600)

    static func digest(site: SiteContext, newsletter: Newsletter, articles: Int, date: Date) -> DigestMail {
        DigestMail(
            site: site, newsletter: newsletter, date: date,
            items: (0..<articles).map {
                DigestItem(title: "Article \($0 + 1)", link: "https://news.example.org/a/\($0 + 1)")
            })
    }

    static let olena = DigestRecipient(
        name: "Олена", unsubscribeURL: "https://news.example.org/unsubscribe/tok-olena?n=evening",
        preferencesURL: "https://news.example.org/preferences/pref-olena")

    @Test func ukrainianDigestMatchesGoldenFiles() {
        var digest = Fixtures.digest
        digest.site = Self.ukrainian
        digest.newsletter = Self.evening
        let mail = library.digestMail(digest, for: Self.olena)
        #expect(mail.subject == "Вечірній огляд: City approves riverside park та ще 2 статті")
        #expect(mail.language == "uk")
        Golden.check(mail.subject, against: "uk/digest.subject.txt")
        Golden.check(mail.text, against: "uk/digest.txt")
        Golden.check(mail.html, against: "uk/digest.html")
    }

    @Test func ukrainianGreetingWithoutNameAndFooter() {
        let recipient = DigestRecipient(
            unsubscribeURL: "https://x.example/u", preferencesURL: "https://x.example/p")
        let text = library.digestMail(
            Self.digest(site: Self.ukrainian, newsletter: Self.evening, articles: 1, date: Self.lateEvening),
            for: recipient
        ).text
        #expect(text.hasPrefix("Вітаємо!\n"))
        #expect(
            text.contains("Ви отримуєте «Вечірній огляд», бо підписалися на цю розсилку на сайті Щоденний приклад."))
        #expect(text.contains("Керувати підписками: https://x.example/p\nВідписатися: https://x.example/u"))
        #expect(text.contains("Читати далі: https://news.example.org/a/1"))
    }

    @Test(arguments: [
        (0, "0 нових статей"), (1, "1 нова стаття"), (2, "2 нові статті"), (5, "5 нових статей"),
        (11, "11 нових статей"), (21, "21 нова стаття"), (22, "22 нові статті"), (25, "25 нових статей"),
    ])
    func ukrainianArticleCount(articles: Int, line: String) {
        let mail = library.digestMail(
            Self.digest(site: Self.ukrainian, newsletter: Self.evening, articles: articles, date: Self.lateEvening),
            for: Self.olena)
        // ICU keeps "р." on the year's line with a narrow no-break space.
        #expect(mail.text.contains("\nВечірній огляд, 4 грудня 2026\u{202F}р.\n\(line)\n"))
        #expect(mail.html.contains("4 грудня 2026\u{202F}р. · \(line)</p>"))
    }

    @Test(arguments: [
        (0, "0 new articles"), (1, "1 new article"), (2, "2 new articles"), (5, "5 new articles"),
        (11, "11 new articles"), (21, "21 new articles"), (22, "22 new articles"), (25, "25 new articles"),
    ])
    func englishArticleCount(articles: Int, line: String) {
        let mail = library.digestMail(
            Self.digest(site: Fixtures.site, newsletter: Fixtures.morning, articles: articles, date: Self.lateEvening),
            for: Fixtures.anna)
        #expect(mail.text.contains("\nMorning Briefing, December 4, 2026\n\(line)\n"))
        #expect(mail.html.contains("December 4, 2026 · \(line)</p>"))
    }

    @Test(arguments: [
        (2, "та ще 1 стаття"), (3, "та ще 2 статті"), (6, "та ще 5 статей"), (12, "та ще 11 статей"),
        (22, "та ще 21 стаття"), (23, "та ще 22 статті"), (26, "та ще 25 статей"),
    ])
    func ukrainianSubjectCountsTheOtherArticles(articles: Int, tail: String) {
        let mail = library.digestMail(
            Self.digest(site: Self.ukrainian, newsletter: Self.evening, articles: articles, date: Self.lateEvening),
            for: Self.olena)
        #expect(mail.subject == "Вечірній огляд: Article 1 \(tail)")
    }

    @Test func englishSubjectCountsTheOtherArticles() {
        let one = library.digestMail(
            Self.digest(site: Fixtures.site, newsletter: Fixtures.morning, articles: 1, date: Self.lateEvening),
            for: Fixtures.anna)
        let two = library.digestMail(
            Self.digest(site: Fixtures.site, newsletter: Fixtures.morning, articles: 2, date: Self.lateEvening),
            for: Fixtures.anna)
        #expect(one.subject == "Morning Briefing: Article 1")
        #expect(two.subject == "Morning Briefing: Article 1 and 1 more")
    }
}
