import HeraldCore
import HeraldTemplates
import Testing

/// Hostile names, addresses and titles are HTML-escaped in every page and HTML part,
/// and kept as typed in plain-text parts.
@Suite("Escaping")
struct EscapingTests {
    let library: TemplateLibrary
    let site = Fixtures.hostileSite
    let newsletter = Fixtures.hostileNewsletter
    let name = Fixtures.hostileName
    let email = Fixtures.hostileEmail

    init() throws {
        library = try Fixtures.library()
    }

    /// Every page, rendered with hostile values wherever the page shows one.
    var pages: [(String, String)] {
        let choices = [NewsletterChoice(newsletter, selected: true), NewsletterChoice(Fixtures.culture)]
        return [
            ("index", library.indexPage(IndexPage(site: site, newsletters: [newsletter, Fixtures.culture]))),
            (
                "subscribe_form",
                library.signupFormPage(
                    SignupFormPage(
                        site: site, newsletters: choices, email: email, name: name, errors: [.emailInvalid],
                        suggestion: email))
            ),
            ("thank_you", library.thankYouPage(ThankYouPage(site: site, newsletters: [newsletter]))),
            (
                "confirm",
                library.confirmPage(
                    ConfirmPage(site: site, newsletter: newsletter, confirmURL: "https://x/confirm/t", email: email))
            ),
            (
                "confirmed",
                library.confirmedPage(ConfirmedPage(site: site, newsletter: newsletter, preferencesURL: "https://x/p"))
            ),
            (
                "token_invalid",
                library.tokenInvalidPage(
                    TokenInvalidPage(site: site, problem: .expired, newsletters: choices, email: email))
            ),
            (
                "unsubscribe",
                library.unsubscribePage(
                    UnsubscribePage(site: site, newsletter: newsletter, unsubscribeURL: "https://x/u", email: email))
            ),
            (
                "unsubscribed",
                library.unsubscribedPage(
                    UnsubscribedPage(site: site, newsletter: newsletter, preferencesURL: "https://x/p", email: email))
            ),
            (
                "preferences",
                library.preferencesPage(
                    PreferencesPage(
                        site: site, email: email, newsletters: choices, preferencesURL: "https://x/p", saved: true))
            ),
            ("embed", library.embedPage(EmbedPage(site: site, newsletter: newsletter))),
            ("error", library.errorPage(ErrorPage(site: site, status: 429, message: name))),
        ]
    }

    /// Every mail, rendered with hostile values.
    var mails: [(String, RenderedMail)] {
        let digest = DigestMail(
            site: site, newsletter: newsletter, date: Fixtures.issueDate,
            items: [
                DigestItem(
                    title: "Item \(Fixtures.scriptAttack)", link: "https://x/a?b=\(Fixtures.attributeAttack)",
                    summaryText: "Text \(Fixtures.scriptAttack)", author: name)
            ])
        let recipient = DigestRecipient(name: name, unsubscribeURL: "https://x/u", preferencesURL: "https://x/p")
        return [
            (
                "confirmation",
                library.confirmationMail(
                    ConfirmationMail(
                        site: site, newsletter: newsletter, name: name, confirmURL: "https://x/c", expiryHours: 48))
            ),
            (
                "already_subscribed",
                library.alreadySubscribedMail(
                    AlreadySubscribedMail(site: site, newsletter: newsletter, name: name, preferencesURL: "https://x/p")
                )
            ),
            (
                "welcome",
                library.welcomeMail(
                    WelcomeMail(
                        site: site, newsletter: newsletter, name: name, unsubscribeURL: "https://x/u",
                        preferencesURL: "https://x/p"))
            ),
            ("digest", library.digestMail(digest, for: recipient)),
        ]
    }

    @Test func pagesEscapeEveryValue() {
        for (page, html) in pages {
            #expect(!html.contains(Fixtures.scriptAttack), "raw <script> in page \(page)")
            #expect(!html.contains("<img src=x"), "raw <img> in page \(page)")
            #expect(!html.contains(Fixtures.attributeAttack), "attribute break-out in page \(page)")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped text missing in page \(page)")
        }
    }

    @Test func htmlMailsEscapeEveryValue() {
        for (mail, rendered) in mails {
            #expect(!rendered.html.contains(Fixtures.scriptAttack), "raw <script> in \(mail).html")
            #expect(!rendered.html.contains("<img src=x"), "raw <img> in \(mail).html")
            #expect(!rendered.html.contains(Fixtures.attributeAttack), "attribute break-out in \(mail).html")
            #expect(
                rendered.html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
                "escaped name missing in \(mail).html")
            #expect(
                rendered.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped text missing in \(mail).html")
        }
    }

    @Test func textMailsKeepValuesAsTyped() {
        for (mail, rendered) in mails {
            #expect(rendered.text.contains(Fixtures.scriptAttack), "\(mail).txt lost the raw value")
            #expect(rendered.text.contains(Fixtures.attributeAttack), "\(mail).txt lost the raw value")
            for entity in ["&lt;", "&gt;", "&quot;", "&#39;", "&amp;"] {
                #expect(!rendered.text.contains(entity), "\(mail).txt has HTML entity \(entity)")
            }
            #expect(rendered.subject.contains(Fixtures.scriptAttack), "\(mail) subject is escaped")
        }
    }

    @Test func subjectsStayOnOneLine() {
        let newsletter = Newsletter(slug: "morning", title: "Morning\r\nBcc: victim@example.org\nX")
        let mail = library.confirmationMail(
            ConfirmationMail(site: Fixtures.site, newsletter: newsletter, confirmURL: "https://x/c", expiryHours: 48))
        #expect(mail.subject == "Please confirm your subscription to “Morning Bcc: victim@example.org X”")
        #expect(!mail.subject.contains("\r") && !mail.subject.contains("\n"))
    }

    @Test func embedSnippetIsShownAsEscapedSource() {
        let html = library.embedPage(EmbedPage(site: Fixtures.site, newsletter: Fixtures.morning))
        #expect(html.contains("<pre class=\"snippet\""))
        #expect(html.contains("&lt;form action=&quot;https://news.example.org/subscribe&quot; method=&quot;post&quot;"))
        #expect(html.contains("<form action=\"https://news.example.org/subscribe\" method=\"post\""))
    }
}
