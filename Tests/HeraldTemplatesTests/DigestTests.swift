import Foundation
import HeraldCore
import HeraldTemplates
import Testing

@Suite("Digest rendered once, personalised per subscriber")
struct DigestTests {
    let library: TemplateLibrary

    init() throws {
        library = try Fixtures.library()
    }

    @Test func personalisingFillsEachSubscribersParts() {
        let shared = library.renderDigestShared(Fixtures.digest)
        let anna = library.personalise(shared, for: Fixtures.anna)
        let anonymous = library.personalise(
            shared,
            for: DigestRecipient(
                unsubscribeURL: "https://n.example/u/other", preferencesURL: "https://n.example/p/other"))

        #expect(anna.text.contains("Hi Anna,"))
        #expect(anna.html.contains("Hi Anna,"))
        #expect(anonymous.text.contains("Hello,"))
        #expect(!anonymous.text.contains("Anna"))
        #expect(anna.text.contains("Unsubscribe: https://news.example.org/unsubscribe/tok-anna?n=morning&x=1"))
        #expect(anna.html.contains("href=\"https://news.example.org/unsubscribe/tok-anna?n=morning&amp;x=1\""))
        #expect(anonymous.html.contains("https://n.example/u/other"))
        #expect(!anonymous.html.contains("tok-anna"))
        #expect(anna.subject == anonymous.subject)
        for part in [anna.subject, anna.text, anna.html] {
            #expect(!part.contains("\u{E000}") && !part.contains("\u{E001}"), "a placeholder was left in")
        }
    }

    @Test func subjectNamesFirstItemAndCountsTheRest() {
        #expect(
            library.renderDigestShared(Fixtures.digest).personalisedSubject(library)
                == "Morning Briefing: City approves riverside park and 2 more")
        var one = Fixtures.digest
        one.items = Array(one.items.prefix(1))
        #expect(library.digestMail(one, for: Fixtures.anna).subject == "Morning Briefing: City approves riverside park")
    }

    @Test func summaryHTMLIsRenderedAsIsAndTextIsPlain() {
        let mail = library.digestMail(Fixtures.digest, for: Fixtures.anna)
        #expect(mail.html.contains("<p>The council voted <em>yes</em> on Tuesday.</p>"))
        #expect(mail.text.contains("The council voted yes on Tuesday."))
        #expect(!mail.text.contains("<p>"))
    }

    @Test func nonWebLinksAreDropped() {
        let mail = library.digestMail(Fixtures.digest, for: Fixtures.anna)
        #expect(!mail.html.contains("javascript:"))
        #expect(!mail.text.contains("javascript:"))
        #expect(mail.text.contains("Weather: sunny week ahead"))
    }

    @Test func itemWithoutDateDoesNotBorrowTheIssueDate() {
        let mail = library.digestMail(Fixtures.digest, for: Fixtures.anna)
        let trams = mail.text.components(separatedBy: "== Trams run late again ==")[1]
            .components(separatedBy: "==")[0]
        #expect(!trams.contains("2025"))
    }
}

extension SharedDigest {
    /// The subject as any subscriber gets it.
    fileprivate func personalisedSubject(_ library: TemplateLibrary) -> String {
        library.personalise(self, for: DigestRecipient(unsubscribeURL: "u", preferencesURL: "p")).subject
    }
}
