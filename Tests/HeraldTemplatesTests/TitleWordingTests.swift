import Foundation
import HeraldCore
import HeraldTemplates
import Testing

/// A newsletter title is a name put into sentences: every template quotes it there, so a plain
/// word (like "Newsletter", once the default title) still reads as a name ("Welcome to “Bulletin”").
/// The tests use "Bulletin", a word no template contains by itself.
@Suite("Newsletter titles read naturally in every sentence")
struct TitleWordingTests {
    let library: TemplateLibrary
    static let plain = Newsletter(slug: "news", title: "Bulletin")
    static let second = Newsletter(slug: "daily", title: "Daily Briefing")

    init() throws {
        library = try Fixtures.library()
    }

    /// Every occurrence of the title in `text` is inside “…”.
    func expectOnlyQuoted(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let all = text.components(separatedBy: "Bulletin").count - 1
        let quoted = text.components(separatedBy: "“Bulletin”").count - 1
        #expect(all > 0, "\(what) does not name the newsletter", sourceLocation: sourceLocation)
        #expect(all == quoted, "\(what) names the newsletter without quotes", sourceLocation: sourceLocation)
    }

    @Test func mailsQuoteTheTitle() {
        let site = Fixtures.site
        let mails = [
            "confirmation": library.confirmationMail(
                ConfirmationMail(
                    site: site, newsletter: Self.plain, confirmURL: "https://news.example.org/c", expiryHours: 48)),
            "welcome": library.welcomeMail(
                WelcomeMail(
                    site: site, newsletter: Self.plain, unsubscribeURL: "https://news.example.org/u",
                    preferencesURL: "https://news.example.org/p")),
            "already subscribed": library.alreadySubscribedMail(
                AlreadySubscribedMail(site: site, newsletter: Self.plain, preferencesURL: "https://news.example.org/p")),
        ]
        for (name, mail) in mails {
            expectOnlyQuoted(mail.subject, "\(name) subject")
            expectOnlyQuoted(mail.text, "\(name) text")
            expectOnlyQuoted(mail.html, "\(name) HTML")
        }
    }

    @Test func confirmationNoLongerSaysReceiveTitleAfterYouConfirm() {
        let mail = library.confirmationMail(
            ConfirmationMail(
                site: Fixtures.site, newsletter: Self.plain, confirmURL: "https://x.example/c", expiryHours: 48))
        #expect(!mail.text.contains("receive Bulletin"))
        #expect(mail.text.contains("Until you confirm, we will not send you anything else."))
    }

    @Test func pagesQuoteTheTitle() {
        let site = Fixtures.site
        expectOnlyQuoted(
            library.confirmPage(ConfirmPage(site: site, newsletter: Self.plain, confirmURL: "https://x.example/c")),
            "confirm page")
        expectOnlyQuoted(library.confirmedPage(ConfirmedPage(site: site, newsletter: Self.plain)), "confirmed page")
        expectOnlyQuoted(
            library.unsubscribePage(
                UnsubscribePage(site: site, newsletter: Self.plain, unsubscribeURL: "https://x.example/u")),
            "unsubscribe page")
        expectOnlyQuoted(library.thankYouPage(ThankYouPage(site: site, newsletters: [Self.plain])), "thank-you page")
    }

    @Test func thankYouNamesOneNewsletterInASentenceAndListsSeveral() {
        let one = library.thankYouPage(ThankYouPage(site: Fixtures.site, newsletters: [Self.plain]))
        #expect(!one.contains("Newsletter: "))
        #expect(one.contains("<p>You asked for <strong>“Bulletin”</strong>.</p>"))
        #expect(!one.contains("<ul>"))
        let two = library.thankYouPage(ThankYouPage(site: Fixtures.site, newsletters: [Self.plain, Self.second]))
        #expect(two.contains("<p>You asked for:</p>"))
        #expect(two.contains("<li><strong>Bulletin</strong></li>"))
        #expect(two.contains("<li><strong>Daily Briefing</strong></li>"))
    }
}
