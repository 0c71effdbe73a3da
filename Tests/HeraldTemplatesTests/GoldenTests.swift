import HeraldTemplates
import Testing

@Suite("Whole rendered output matches the golden files")
struct GoldenTests {
    let library: TemplateLibrary

    init() throws {
        library = try Fixtures.library()
    }

    @Test func thankYouPage() {
        let html = library.thankYouPage(ThankYouPage(site: Fixtures.site, newsletters: [Fixtures.morning]))
        Golden.check(html, against: "thank_you.html")
    }

    @Test func confirmationMail() {
        let mail = library.confirmationMail(
            ConfirmationMail(
                site: Fixtures.site, newsletter: Fixtures.morning,
                confirmURL: "https://news.example.org/confirm/abc123?x=1&y=2", expiryHours: 48))
        Golden.check(mail.subject, against: "confirmation.subject.txt")
        Golden.check(mail.text, against: "confirmation.txt")
        Golden.check(mail.html, against: "confirmation.html")
    }

    @Test func signupFormWithError() {
        let page = SignupFormPage(
            site: Fixtures.site, newsletters: [NewsletterChoice(Fixtures.morning)], email: "anna@gmial",
            name: "Anna", errors: [.emailInvalid], suggestion: "anna@gmail.com")
        Golden.check(library.signupFormPage(page), against: "subscribe_form.html")
    }

    /// A valid address that looks like a typo, with the challenge solver on and a refused solution.
    @Test func signupFormTypoQuestionWithChallenge() {
        var site = Fixtures.site
        site.challengeSolver = true
        site.challengeRequired = true
        let page = SignupFormPage(
            site: site, newsletters: [NewsletterChoice(Fixtures.morning)], email: "anna@gmial.com",
            name: "Anna", errors: [.challengeExpired], suggestion: "anna@gmail.com", keepTyped: true)
        Golden.check(library.signupFormPage(page), against: "subscribe_form_typo.html")
    }

    @Test func personalisedDigest() {
        let mail = library.digestMail(Fixtures.digest, for: Fixtures.anna)
        Golden.check(mail.subject, against: "digest.subject.txt")
        Golden.check(mail.text, against: "digest.txt")
        Golden.check(mail.html, against: "digest.html")
    }
}
