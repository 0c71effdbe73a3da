import Foundation
import HeraldCore
import HeraldTemplates
import Testing

@Suite("Signup pages")
struct FormPageTests {
    let library: TemplateLibrary

    init() throws {
        library = try Fixtures.library()
    }

    @Test func thankYouSentenceIsExact() {
        let html = library.thankYouPage(ThankYouPage(site: Fixtures.site, newsletters: [Fixtures.morning]))
        #expect(html.contains("Thank you for signing up for this newsletter. We've sent you a confirmation email."))
    }

    @Test func rejectedFormKeepsTypedValuesAndOffersSuggestion() {
        let page = SignupFormPage(
            site: Fixtures.site, newsletters: [NewsletterChoice(Fixtures.morning)], email: "anna@gmial.com",
            name: "Anna \"Ann\"", errors: [.emailInvalid], suggestion: "anna@gmail.com")
        let html = library.signupFormPage(page)
        #expect(html.contains("value=\"anna@gmial.com\""))
        #expect(html.contains("value=\"Anna &quot;Ann&quot;\""))
        #expect(html.contains("Please, enter correct email address"))
        #expect(html.contains("aria-invalid=\"true\" aria-describedby=\"signup-email-error signup-email-suggestion\""))
        #expect(html.contains("id=\"signup-email-error\""))
        #expect(
            html.contains(
                "Did you mean <button type=\"submit\" class=\"link-button\" form=\"signup-suggestion\">anna@gmail.com</button>?"
            ))
        // The button submits a separate form carrying the suggested address.
        #expect(
            html.contains(
                "<form id=\"signup-suggestion\" method=\"post\" action=\"https://news.example.org/subscribe\" hidden>"))
        #expect(html.contains("<input type=\"hidden\" name=\"email\" value=\"anna@gmail.com\">"))
    }

    @Test func formWithoutSuggestionHasNoSuggestionForm() {
        let page = SignupFormPage(
            site: Fixtures.site, newsletters: [NewsletterChoice(Fixtures.morning)], email: "nope",
            errors: [.emailInvalid])
        let html = library.signupFormPage(page)
        #expect(!html.contains("Did you mean"))
        #expect(!html.contains("signup-suggestion"))
        #expect(html.contains("aria-describedby=\"signup-email-error\""))
    }

    @Test func combinedFormKeepsTickedNewslettersAndFlagsMissingChoice() {
        let page = SignupFormPage(
            site: Fixtures.site,
            newsletters: [NewsletterChoice(Fixtures.morning, selected: true), NewsletterChoice(Fixtures.culture)],
            email: "anna@example.org", errors: [.newsletterMissing])
        let html = library.signupFormPage(page)
        #expect(html.contains("name=\"newsletter\" value=\"morning\" checked>"))
        #expect(html.contains("name=\"newsletter\" value=\"culture\">"))
        #expect(html.contains("Please, choose at least one newsletter"))
        #expect(!html.contains("aria-invalid=\"true\""))
    }

    @Test func indexHasAFormPerNewsletterAndACombinedForm() {
        let site = SiteContext(siteName: "Daily", baseURL: "https://n.example", honeypotField: "homepage")
        let html = library.indexPage(IndexPage(site: site, newsletters: [Fixtures.morning, Fixtures.culture]))
        #expect(html.components(separatedBy: "action=\"https://n.example/subscribe\"").count - 1 == 3)
        #expect(html.contains("<input type=\"hidden\" name=\"newsletter\" value=\"morning\">"))
        #expect(html.contains("<input type=\"hidden\" name=\"newsletter\" value=\"culture\">"))
        #expect(html.contains("<input type=\"checkbox\" name=\"newsletter\" value=\"culture\">"))
        #expect(html.contains("name=\"homepage\" value=\"\" tabindex=\"-1\" autocomplete=\"off\""))
        #expect(html.components(separatedBy: "<button type=\"submit\">Subscribe</button>").count - 1 == 3)
        #expect(!html.contains("<script"))
    }

    @Test func indexWithOneNewsletterHasNoCombinedForm() {
        let html = library.indexPage(IndexPage(site: Fixtures.site, newsletters: [Fixtures.morning]))
        #expect(!html.contains("type=\"checkbox\""))
        #expect(html.contains("Morning Briefing"))
    }

    @Test func confirmAndUnsubscribePagesPostToTheirOwnURL() {
        let confirm = library.confirmPage(
            ConfirmPage(site: Fixtures.site, newsletter: Fixtures.morning, confirmURL: "https://n.example/confirm/t1"))
        #expect(confirm.contains("<form method=\"post\" action=\"https://n.example/confirm/t1\">"))
        #expect(confirm.contains(">Confirm subscription</button>"))
        let unsubscribe = library.unsubscribePage(
            UnsubscribePage(site: Fixtures.site, newsletter: Fixtures.morning, unsubscribeURL: "https://n.example/u/t2")
        )
        #expect(unsubscribe.contains("<form method=\"post\" action=\"https://n.example/u/t2\">"))
    }

    @Test func tokenInvalidExplainsTheProblemAndOffersANewLink() {
        let html = library.tokenInvalidPage(
            TokenInvalidPage(
                site: Fixtures.site, problem: .used,
                newsletters: [NewsletterChoice(Fixtures.morning), NewsletterChoice(Fixtures.culture, selected: true)]))
        #expect(html.contains("This link has already been used."))
        #expect(!html.contains("This link has expired."))
        #expect(html.contains("action=\"https://news.example.org/subscribe\""))
        #expect(html.contains("<option value=\"culture\" selected>Culture Weekly</option>"))
    }

    @Test func preferencesShowSubscriptionsAndSavedNotice() {
        let page = PreferencesPage(
            site: Fixtures.site, email: "anna@example.org",
            newsletters: [NewsletterChoice(Fixtures.morning, selected: true), NewsletterChoice(Fixtures.culture)],
            preferencesURL: "https://n.example/preferences/t3", saved: true)
        let html = library.preferencesPage(page)
        #expect(html.contains("value=\"morning\" checked>"))
        #expect(html.contains("value=\"culture\">"))
        #expect(html.contains("Your preferences have been saved."))
        #expect(html.contains("name=\"action\" value=\"unsubscribe_all\""))
        var unsaved = page
        unsaved.saved = false
        #expect(!library.preferencesPage(unsaved).contains("Your preferences have been saved."))
    }

    @Test func unsubscribedOffersPreferencesAndResubscribe() {
        let html = library.unsubscribedPage(
            UnsubscribedPage(
                site: Fixtures.site, newsletter: Fixtures.morning, preferencesURL: "https://n.example/p",
                email: "anna@example.org"))
        #expect(html.contains("<a href=\"https://n.example/p\">Manage your subscriptions</a>"))
        #expect(html.contains("<input type=\"hidden\" name=\"email\" value=\"anna@example.org\">"))
        let all = library.unsubscribedPage(UnsubscribedPage(site: Fixtures.site, newsletter: nil))
        #expect(all.contains("any of our newsletters"))
        #expect(!all.contains("Subscribe again"))
    }

    @Test func errorPageExplainsKnownStatuses() {
        let html = library.errorPage(ErrorPage(site: Fixtures.site, status: 429))
        #expect(html.contains("Too many requests"))
        #expect(html.contains("Error 429"))
        let server = library.errorPage(ErrorPage(site: Fixtures.site, status: 500, message: "Please try later."))
        #expect(server.contains("Sorry, something went wrong"))
        #expect(server.contains("<p>Please try later.</p>"))
    }
}
