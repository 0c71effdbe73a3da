import Foundation
import Testing

@testable import HeraldTemplates

/// The greeting and footer rendered once per issue give every subscriber exactly what rendering
/// them per subscriber gives, and a template they cannot stand in for is rendered per subscriber.
@Suite("Digest greeting and footer rendered once per issue")
struct DigestSlotTextsTests {
    static let recipients: [DigestRecipient] = [
        Fixtures.anna,
        DigestLanguageTests.olena,
        DigestRecipient(unsubscribeURL: "https://n.example/u/1", preferencesURL: "https://n.example/p/1"),
        DigestRecipient(name: "", unsubscribeURL: "https://n.example/u/2", preferencesURL: "https://n.example/p/2"),
        DigestRecipient(
            name: Fixtures.hostileName, unsubscribeURL: "https://n.example/u/3?a=1&b=\"2\"",
            preferencesURL: "https://n.example/p/<3>'", clickTag: "&t=x"),
        DigestRecipient(
            name: "O'Brien & \u{1F600} Zoë {{name}} \u{E000}x:name\u{E001}", unsubscribeURL: "u", preferencesURL: "p"),
        DigestRecipient(name: "5", unsubscribeURL: "https://n.example/u/5", preferencesURL: "https://n.example/p/5"),
    ]

    static let digests: [DigestMail] = [
        Fixtures.digest,
        DigestLanguageTests.digest(
            site: DigestLanguageTests.ukrainian, newsletter: DigestLanguageTests.evening, articles: 3,
            date: DigestLanguageTests.lateEvening),
    ]

    @Test func theBuiltInTemplatesAreRenderedOnceAndGiveWhatRenderingPerSubscriberGives() throws {
        let library = try Fixtures.library()
        for digest in Self.digests {
            let shared = library.renderDigestShared(digest)
            #expect(shared.slotTexts != nil, "the built-in greeting and footer should be rendered once")
            var perSubscriber = shared
            perSubscriber.slotTexts = nil
            for recipient in Self.recipients {
                let once = library.personalise(shared, for: recipient)
                let each = library.personalise(perSubscriber, for: recipient)
                #expect(once == each, "\(digest.site.language) \(recipient.name ?? "(no name)")")
                #expect(!once.html.contains("\u{E001}") || recipient.name?.contains("\u{E001}") == true)
            }
        }
    }

    @Test func aTemplateThatTransformsTheNameIsRenderedPerSubscriber() throws {
        let library = try Fixtures.library(overriding: [
            "mail/digest_greeting.txt.mustache":
                "{{#name}}HELLO {{uppercased(name)}}!{{/name}}{{^name}}HELLO!{{/name}}\n"
        ])
        let shared = library.renderDigestShared(Fixtures.digest)
        #expect(shared.slotTexts == nil)
        #expect(library.personalise(shared, for: Fixtures.anna).text.contains("HELLO ANNA!"))
        let anonymous = DigestRecipient(unsubscribeURL: "u", preferencesURL: "p")
        #expect(library.personalise(shared, for: anonymous).text.contains("HELLO!"))
    }
}

extension DigestSlotTextsTests {
    @Test func aSubjectWithoutHolesIsPutOnOneLineOnceAndOneWithANameIsNot() throws {
        let library = try Fixtures.library()
        let shared = library.renderDigestShared(Fixtures.digest)
        #expect(shared.fixedSubject == "Morning Briefing: City approves riverside park and 2 more")
        let named = try Fixtures.library(overriding: [
            "mail/digest.subject.mustache": "{{first_title}}\n for {{name}}\n"
        ])
        let holed = named.renderDigestShared(Fixtures.digest)
        #expect(holed.fixedSubject == nil)
        #expect(named.fill(holed, for: Fixtures.anna).subject == "City approves riverside park for Anna")
        #expect(named.personalise(holed, for: Fixtures.anna).subject == "City approves riverside park for Anna")
    }
}
