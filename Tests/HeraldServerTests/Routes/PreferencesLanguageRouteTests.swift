import Foundation
import HTTPTypes
import HeraldApp
import HeraldCore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldServer

/// The preferences page through the real router (#17): it is in the subscriber's stored
/// language, offers their newsletters' languages by their own names, stores a change and answers
/// in the new language; an unknown language refuses the whole form.
@Suite("Routes: the language on the preferences page")
struct PreferencesLanguageRouteTests {
    let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// The harness with `daily` in Ukrainian (offering English too) and `news` in English.
    func harness() throws -> RouteHarness {
        var harness = try RouteHarness()
        harness.configuration.newsletters[1].language = "uk"
        harness.configuration.newsletters[1].languages = ["uk", "en"]
        return harness
    }

    /// Olena, stored in Ukrainian and confirmed to `daily`; her preferences path.
    func ukrainianReader(_ harness: RouteHarness) async throws -> (id: Int64, path: String) {
        let id = try await harness.store.transaction { [newsletters = harness.configuration.newsletters] tx in
            for newsletter in newsletters { try await tx.upsertNewsletter(newsletter) }
            let olena = try await tx.insertSubscriber(
                NewSubscriber(
                    email: "olena@example.org", smtpAddress: "olena@example.org", canonicalKey: "olena@example.org",
                    name: nil, language: "uk", createdAt: Fixtures.now))
            try await tx.saveSubscription(
                Subscription(
                    subscriberID: olena.id, newsletter: "daily", status: .confirmed, createdAt: Fixtures.now,
                    updatedAt: Fixtures.now, confirmedAt: Fixtures.now))
            return olena.id
        }
        let token = ManageLinkSigner(secret: String(repeating: "k", count: 64)).token(
            subscriberID: id, newsletter: "daily")
        return (id, "/preferences/\(token)")
    }

    func stored(_ harness: RouteHarness, _ id: Int64) async throws -> Subscriber? {
        try await harness.store.transaction { try await $0.subscriber(id: id) }
    }

    @Test func thePageIsInTheStoredLanguageAndOffersEachLanguageByItsOwnName() async throws {
        let harness = try harness()
        let (_, path) = try await ukrainianReader(harness)
        try await harness.run { client in
            let page = try await client.execute(uri: path, method: .get, headers: [.acceptLanguage: "en"])
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"uk\" dir=\"ltr\">"))
            #expect(page.text.contains("<label for=\"preferences-language\">Мова наших листів і сторінок</label>"))
            #expect(page.text.contains("<option value=\"uk\" selected>Українська</option>"))
            #expect(page.text.contains("<option value=\"en\" lang=\"en\">English</option>"))
        }
    }

    @Test func choosingEnglishStoresItRecordsConsentAndAnswersInEnglish() async throws {
        let harness = try harness()
        let (id, path) = try await ukrainianReader(harness)
        try await harness.run { client in
            let saved = try await client.execute(
                uri: path, method: .post, headers: form,
                body: ByteBuffer(string: "newsletter=daily&language=en&action=save"))
            #expect(saved.status == .ok)
            #expect(saved.text.contains("<html lang=\"en\" dir=\"ltr\">"))
            #expect(saved.text.contains("Your preferences have been saved."))
            #expect(saved.text.contains("<option value=\"en\" selected>English</option>"))
            #expect(saved.text.contains("<option value=\"uk\" lang=\"uk\">Українська</option>"))
            let again = try await client.execute(uri: path, method: .get, headers: [.acceptLanguage: "uk"])
            #expect(again.text.contains("<html lang=\"en\""))
        }
        #expect(try await stored(harness, id)?.language == "en")
        let consents = try await harness.store.transaction { try await $0.consentEvents(subscriberID: id) }
        #expect(consents.last?.action == .preferenceChange)
        #expect(consents.last?.source == "preferences page: language en")
    }

    @Test(arguments: [
        "language=de", "language=uk%0D%0ABcc%3A%20x%40example.org", "language=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "language=" + String(repeating: "u", count: 10_240),
    ])
    func anUnknownLanguageIsAFieldErrorAndNothingChanges(_ field: String) async throws {
        let harness = try harness()
        let (id, path) = try await ukrainianReader(harness)
        try await harness.run { client in
            let refused = try await client.execute(
                uri: path, method: .post, headers: form, body: ByteBuffer(string: "\(field)&action=save"))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<html lang=\"uk\""))
            #expect(refused.text.contains("aria-invalid=\"true\" aria-describedby=\"preferences-language-error\""))
            #expect(
                refused.text.contains(
                    "<p class=\"field-error\" id=\"preferences-language-error\">Оберіть одну із запропонованих мов: Українська, English. Нічого не змінено.</p>"
                ))
            #expect(!refused.text.contains("<script>alert"))
            #expect(!refused.text.contains("Налаштування збережено."))
        }
        #expect(try await stored(harness, id)?.language == "uk")
        let subscription = try await harness.store.transaction {
            try await $0.subscription(subscriberID: id, newsletter: "daily")
        }
        #expect(subscription?.status == .confirmed)  // the unticked box was not saved either
    }

    @Test func aFormThatIsNotUTF8IsABadRequestAndNothingChanges() async throws {
        let harness = try harness()
        let (id, path) = try await ukrainianReader(harness)
        try await harness.run { client in
            let refused = try await client.execute(
                uri: path, method: .post, headers: form, body: ByteBuffer(string: "language=%FF%FE&action=save"))
            #expect(refused.status == .badRequest)
        }
        #expect(try await stored(harness, id)?.language == "uk")
        let subscription = try await harness.store.transaction {
            try await $0.subscription(subscriberID: id, newsletter: "daily")
        }
        #expect(subscription?.status == .confirmed)
    }

    @Test func aSingleLanguageShowsNoLanguageField() async throws {
        let harness = try RouteHarness()
        let (_, path) = try await ukrainianReader(harness)
        try await harness.run { client in
            let page = try await client.execute(uri: path, method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"en\""))  // Ukrainian is not offered here
            #expect(!page.text.contains("name=\"language\""))
        }
    }
}
