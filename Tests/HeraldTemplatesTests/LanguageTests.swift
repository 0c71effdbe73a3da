import Foundation
import HeraldCore
import HeraldLocalization
import HeraldTemplates
import Testing

/// Pages and mails in the reader's language: whole Ukrainian output against golden files, the
/// escaping of messages, an operator's catalog (a right-to-left pseudo language made up here,
/// not shipped) and a broken one.
@Suite("Pages and mails per language")
struct LanguageTests {
    let library: TemplateLibrary

    init() throws {
        library = try Fixtures.library()
    }

    var ukrainian: SiteContext {
        var site = Fixtures.site
        site.language = "uk"
        return site
    }

    static let digest: Newsletter = {
        var newsletter = Newsletter(
            slug: "digest", title: "Дайджест дня", description: "Головне за день — щовечора.", timeZone: "Europe/Kyiv")
        newsletter.language = "uk"
        return newsletter
    }()

    @Test func ukrainianThankYouPage() {
        let html = library.thankYouPage(ThankYouPage(site: ukrainian, newsletters: [Self.digest]))
        Golden.check(html, against: "uk/thank_you.html")
        #expect(html.contains("<html lang=\"uk\" dir=\"ltr\">"))
    }

    @Test func ukrainianSignupFormWithError() {
        let page = SignupFormPage(
            site: ukrainian, newsletters: [NewsletterChoice(Self.digest)], email: "olena@gmial",
            name: "Олена", errors: [.emailInvalid], suggestion: "olena@gmail.com")
        Golden.check(library.signupFormPage(page), against: "uk/subscribe_form.html")
    }

    @Test func ukrainianConfirmationMail() {
        let mail = library.confirmationMail(
            ConfirmationMail(
                site: ukrainian, newsletter: Self.digest,
                confirmURL: "https://news.example.org/confirm/abc123?x=1&y=2", expiryHours: 48))
        #expect(mail.subject == "Підтвердьте підписку на «Дайджест дня»")
        #expect(mail.language == "uk")
        Golden.check(mail.subject, against: "uk/confirmation.subject.txt")
        Golden.check(mail.text, against: "uk/confirmation.txt")
        Golden.check(mail.html, against: "uk/confirmation.html")
    }

    @Test func pluralFormsFollowTheNumber() {
        let expected = [
            (0, "годин"), (1, "годину"), (2, "години"), (5, "годин"), (11, "годин"), (21, "годину"), (22, "години"),
            (25, "годин"),
        ]
        for (hours, word) in expected {
            let text = library.confirmationMail(
                ConfirmationMail(
                    site: ukrainian, newsletter: Self.digest, confirmURL: "https://x.example/c", expiryHours: hours)
            ).text
            #expect(text.contains("Посилання діє \(hours) \(word)."), "\(hours)")
        }
        for (hours, word) in [(0, "hours"), (1, "hour"), (2, "hours"), (21, "hours")] {
            let text = library.confirmationMail(
                ConfirmationMail(
                    site: Fixtures.site, newsletter: Fixtures.morning, confirmURL: "https://x.example/c",
                    expiryHours: hours)
            ).text
            #expect(text.contains("The link is valid for \(hours) \(word)."), "\(hours)")
        }
    }

    @Test func valuesInMessagesAreEscapedAndOnlyEmphasisIsKeptInHTML() {
        let hostile = Newsletter(slug: "x", title: "<script>alert(1)</script> & \"Co\"")
        let html = library.thankYouPage(ThankYouPage(site: ukrainian, newsletters: [hostile]))
        #expect(html.contains("<strong>«&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;»</strong>"))
        let mail = library.confirmationMail(
            ConfirmationMail(site: ukrainian, newsletter: hostile, confirmURL: "https://x.example/c", expiryHours: 1))
        #expect(mail.text.contains("«<script>alert(1)</script> & \"Co\"»"))
        #expect(!mail.text.contains("<strong>"))
    }

    @Test func anOperatorsRightToLeftCatalogAndItsEnglishFallback() throws {
        try withFolder { folder in
            // A pseudo catalog for the test only: Arabic script, written right to left.
            try write(
                """
                msgid "thank_you.heading"
                msgstr "<em>شكرا</em> {{evil}} <b>!</b>"
                """, "locales/ar.po", in: folder)
            let library = try TemplateLibrary(overrides: folder)
            var site = Fixtures.site
            site.language = "ar"
            let html = library.thankYouPage(ThankYouPage(site: site, newsletters: [Fixtures.morning]))
            #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
            // `{{evil}}` is no Mustache tag in a message: only its inner `{evil}` is a placeholder
            // (of a value the page does not have); `<b>` is escaped, `<em>` kept.
            #expect(html.contains("<h1><em>شكرا</em> {} &lt;b&gt;!&lt;/b&gt;</h1>"))
            #expect(html.contains("Thank you for signing up for this newsletter."))
            #expect(library.catalogs.missing["ar"]?.contains("thank_you.lead") == true)
        }
    }

    @Test func aBrokenCatalogStopsTheLibraryWithFileAndLine() throws {
        try withFolder { folder in
            try write("msgid \"a\"\nmsgstr \"unterminated\n", "locales/de.po", in: folder)
            #expect(throws: TemplateError.self) { try TemplateLibrary(overrides: folder) }
            do {
                _ = try TemplateLibrary(overrides: folder)
            } catch {
                #expect("\(error)" == "locales: \(folder)/locales/de.po:2: unterminated string (no closing quote)")
            }
        }
    }

    private func withFolder(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("herald-locales-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    private func write(_ text: String, _ relative: String, in directory: String) throws {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

extension LanguageTests {
    @Test func ukrainianReminderAndAlreadySubscribedMails() {
        let reminder = library.reminderMail(
            ReminderMail(
                site: ukrainian, newsletter: Self.digest, name: "Олена",
                confirmURL: "https://news.example.org/confirm/new456?lang=uk", expiryHours: 22))
        #expect(reminder.subject == "Нагадування: підтвердьте підписку на «Дайджест дня»")
        #expect(reminder.text.hasPrefix("Вітаємо, Олена!\n"))
        #expect(reminder.text.contains("Посилання діє 22 години."))
        Golden.check(reminder.subject, against: "uk/reminder.subject.txt")
        Golden.check(reminder.text, against: "uk/reminder.txt")
        Golden.check(reminder.html, against: "uk/reminder.html")
        let already = library.alreadySubscribedMail(
            AlreadySubscribedMail(
                site: ukrainian, newsletter: Self.digest, name: nil,
                preferencesURL: "https://news.example.org/preferences/abc"))
        #expect(already.subject == "Ви вже підписані на «Дайджест дня»")
        #expect(already.text.contains("Керувати підписками можна тут:\nhttps://news.example.org/preferences/abc"))
        Golden.check(already.subject, against: "uk/already_subscribed.subject.txt")
        Golden.check(already.text, against: "uk/already_subscribed.txt")
        Golden.check(already.html, against: "uk/already_subscribed.html")
    }
}
