import Foundation
import HTTPTypes
import HeraldApp
import HeraldCore
import HeraldLocalization
import HeraldTemplates
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldServer

/// Readers' languages through the real router: pages negotiate `Accept-Language` or take `?lang=`,
/// a signup records the form's `language`, and the confirmation mail is written in it.
@Suite("Routes: readers' languages")
struct LanguageRouteTests {
    let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// The harness with `daily` in Ukrainian (offering English too) and `news` in English.
    func harness() throws -> RouteHarness {
        var harness = try RouteHarness()
        harness.configuration.newsletters[1].language = "uk"
        harness.configuration.newsletters[1].languages = ["uk", "en"]
        return harness
    }

    /// The last queued mail as text: headers as sent, quoted-printable bodies decoded.
    func lastMail(_ harness: RouteHarness) async throws -> String {
        let queued = try await harness.store.transaction {
            try await $0.claimDueMail(
                owner: "test", now: Fixtures.now.addingTimeInterval(3600), limit: 10, leaseUntil: Fixtures.now)
        }
        return Self.decodeQuotedPrintable(try #require(queued.last).mail.data)
    }

    @Test func theDemoPageFollowsAcceptLanguageAndTheLangParameter() async throws {
        try await harness().run { client in
            let ukrainian = try await client.execute(
                uri: "/", method: .get, headers: [.acceptLanguage: "uk-UA,uk;q=0.9,en;q=0.5"])
            #expect(ukrainian.text.contains("<html lang=\"uk\" dir=\"ltr\">"))
            #expect(ukrainian.text.contains("Наші розсилки") && ukrainian.text.contains(">Підписатися</button>"))
            #expect(ukrainian.text.contains("<input type=\"hidden\" name=\"language\" value=\"uk\">"))
            let english = try await client.execute(uri: "/?lang=en", method: .get, headers: [.acceptLanguage: "uk"])
            #expect(
                english.text.contains("<html lang=\"en\" dir=\"ltr\">") && english.text.contains("Get our newsletters"))
            let garbage = try await client.execute(
                uri: "/?lang=%3Cscript%3E", method: .get,
                headers: [.acceptLanguage: String(repeating: "x;q=9,", count: 2000)])
            #expect(garbage.status == .ok && garbage.text.contains("<html lang=\"en\""))
        }
    }

    @Test func aUkrainianSignupGetsAUkrainianThankYouAndConfirmationMail() async throws {
        let harness = try harness()
        try await harness.run { client in
            let signup = try await client.execute(
                uri: "/subscribe", method: .post, headers: form,
                body: ByteBuffer(string: "email=olena%40example.org&newsletter=daily&language=uk"))
            #expect(signup.status == .seeOther)
            let location = try #require(signup.headers[.location])
            #expect(location == "/thanks?newsletter=daily&lang=uk")
            let thanks = try await client.execute(uri: location, method: .get)
            #expect(thanks.text.contains("<html lang=\"uk\"") && thanks.text.contains("<h1>Дякуємо!</h1>"))
            #expect(thanks.text.contains("Ви обрали розсилку <strong>«Дайджест дня»</strong>."))
        }
        let mail = try await lastMail(harness)
        #expect(mail.contains("Content-Language: uk\r\n"))
        #expect(mail.contains("Subject: =?utf-8?b?"))
        #expect(mail.contains("Щоб підтвердити підписку на розсилку «Дайджест дня», відкрийте це посилання:"))
        #expect(mail.contains("Посилання діє 48 годин."))
        #expect(mail.contains("<html lang=\"uk\" dir=\"ltr\">"))
        #expect(!mail.contains("Please confirm"))
    }

    @Test func withoutALanguageTheMailIsInTheNewslettersLanguage() async throws {
        let harness = try harness()
        try await harness.run { client in
            _ = try await client.execute(
                uri: "/subscribe", method: .post, headers: form,
                body: ByteBuffer(string: "email=anna%40example.org&newsletter=news"))
        }
        let mail = try await lastMail(harness)
        #expect(mail.contains("Content-Language: en\r\n") && mail.contains("The link is valid for 48 hours."))
    }

    @Test func anUnknownLanguageIsAFieldErrorListingTheOfferedOnes() async throws {
        let harness = try harness()
        try await harness.run { client in
            for hostile in ["de", "uk\r\nBcc: x@example.org", "<script>", "'; DROP TABLE subscribers;--"] {
                let body = try JSONSerialization.data(
                    withJSONObject: ["email": "olena@example.org", "newsletter": "daily", "language": hostile])
                let response = try await client.execute(
                    uri: "/subscribe", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(bytes: body))
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("\"field\":\"language\"") && response.text.contains("unknown_language"))
                #expect(response.text.contains("uk, en"))
            }
            let number = try await client.execute(
                uri: "/subscribe", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"email":"olena@example.org","language":5}"#))
            #expect(number.status == .unprocessableContent && number.text.contains("invalid_type"))
        }
        #expect(try await harness.queuedMail().counts.values.reduce(0, +) == 0)
    }

    @Test func aRefusedUkrainianFormComesBackInUkrainian() async throws {
        try await harness().run { client in
            let response = try await client.execute(
                uri: "/subscribe", method: .post, headers: form,
                body: ByteBuffer(string: "email=olena%40&newsletter=daily&language=uk"))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("<html lang=\"uk\""))
            #expect(response.text.contains("Схоже, в адресі помилка."))
        }
    }

    @Test func theTokenErrorPageNegotiatesItsLanguage() async throws {
        try await harness().run { client in
            let page = try await client.execute(
                uri: "/confirm/unknown-token", method: .get, headers: [.acceptLanguage: "uk"])
            #expect(page.text.contains("<html lang=\"uk\"") && page.text.contains("Це посилання не працює"))
            #expect(page.text.contains("<label for=\"resend-newsletter\">Розсилка</label>"))
        }
    }

    static func decodeQuotedPrintable(_ data: [UInt8]) -> String {
        var bytes: [UInt8] = []
        var index = 0
        while index < data.count {
            if data[index] == UInt8(ascii: "="), index + 2 < data.count {
                if data[index + 1] == 13, data[index + 2] == 10 {
                    index += 3
                    continue
                }
                if let byte = UInt8(String(decoding: data[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                    bytes.append(byte)
                    index += 3
                    continue
                }
            }
            bytes.append(data[index])
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension LanguageRouteTests {
    @Test func anEnglishNewslettersFormOnAUkrainianPageSignsUpInEnglish() async throws {
        let harness = try harness()
        try await harness.run { client in
            let signup = try await client.execute(
                uri: "/subscribe", method: .post, headers: form,
                body: ByteBuffer(string: "email=anna%40example.org&newsletter=news&language=uk"))
            #expect(signup.status == .seeOther)
        }
        let mail = try await lastMail(harness)
        #expect(mail.contains("Content-Language: en\r\n"))
    }
}

extension LanguageRouteTests {
    @Test func theConfirmLinkKeepsTheLanguageForThePagesAndTheWelcomeMail() async throws {
        let harness = try harness()
        try await harness.run { client in
            _ = try await client.execute(
                uri: "/subscribe", method: .post, headers: form,
                body: ByteBuffer(string: "email=olena%40example.org&newsletter=daily&language=en"))
            let mail = try await lastMail(harness)
            let match = try #require(
                mail.firstMatch(of: /https:\/\/news\.example\.org(\/confirm\/[A-Za-z0-9_\-.]+\?lang=en)/))
            let link = String(match.output.1)
            let page = try await client.execute(uri: link, method: .get, headers: [.acceptLanguage: "uk"])
            #expect(page.text.contains("<html lang=\"en\"") && page.text.contains("One last step"))
            let confirmed = try await client.execute(uri: link, method: .post, headers: form, body: ByteBuffer())
            #expect(confirmed.text.contains("<html lang=\"en\"") && confirmed.text.contains("You're subscribed!"))
            let welcome = try await lastMail(harness)
            #expect(welcome.contains("Content-Language: en\r\n") && welcome.contains("Welcome to"))
        }
    }

    @Test func withoutALanguageTheConfirmPageNegotiatesAmongTheNewslettersLanguages() async throws {
        let harness = try harness()
        try await harness.run { client in
            _ = try await client.execute(
                uri: "/subscribe", method: .post, headers: form,
                body: ByteBuffer(string: "email=olena%40example.org&newsletter=daily"))
            let mail = try await lastMail(harness)
            let match = try #require(
                mail.firstMatch(of: /https:\/\/news\.example\.org(\/confirm\/[A-Za-z0-9_\-.]+)\?lang=uk/))
            let page = try await client.execute(
                uri: String(match.output.1), method: .get, headers: [.acceptLanguage: "de"])
            #expect(page.text.contains("<html lang=\"uk\"") && page.text.contains("Залишився один крок"))
            let confirmed = try await client.execute(
                uri: String(match.output.1), method: .post, headers: form, body: ByteBuffer())
            #expect(confirmed.text.contains("Ви підписалися!"))
            #expect(try await lastMail(harness).contains("Content-Language: uk\r\n"))
        }
    }
}

extension LanguageRouteTests {
    @Test func jsonErrorsKeepFieldAndCodeAndLocaliseOnlyTheMessage() async throws {
        try await harness().run { client in
            let response = try await client.execute(
                uri: "/subscribe", method: .post,
                headers: [.contentType: "application/json", .acceptLanguage: "uk"],
                body: ByteBuffer(
                    string: #"{"email":"olena@","newsletter":"daily","name":"\#(String(repeating: "я", count: 101))"}"#)
            )
            #expect(response.status == .unprocessableContent)
            let body = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
            let errors = try #require(body?["errors"] as? [[String: Any]])
            let byField = Dictionary(uniqueKeysWithValues: errors.map { ($0["field"] as? String ?? "", $0) })
            #expect(byField["email"]?["code"] as? String == "missing_domain")
            #expect(byField["email"]?["message"] as? String == "Після @ має бути домен, наприклад example.com.")
            #expect(byField["name"]?["message"] as? String == "Ім’я має бути коротшим за 100 символів.")
            let english = try await client.execute(
                uri: "/subscribe", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"email":"olena@","newsletter":"daily","language":"en"}"#))
            #expect(english.text.contains("There must be a domain after the @, such as example.com."))
            let unknown = try await client.execute(
                uri: "/subscribe", method: .post, headers: [.contentType: "application/json", .acceptLanguage: "uk"],
                body: ByteBuffer(string: #"{"email":"olena@example.org","newsletter":"daily","language":"de"}"#))
            #expect(unknown.text.contains(#""offered":["uk","en"]"#))
            #expect(unknown.text.contains("Оберіть одну із запропонованих мов: uk, en."))
        }
    }

    @Test func everyAPIMessageKeyIsInEveryShippedCatalogAndNoOtherIs() throws {
        let catalogs = try TemplateLibrary(overrides: nil).catalogs
        for language in catalogs.languages {
            let keys = Set(try #require(catalogs.catalog(language)).keys.filter { $0.hasPrefix("api.") })
            #expect(keys == Set(ProblemMessages.keys), "\(language)")
        }
    }
}

extension LanguageRouteTests {
    @Test func formatErrorsForIntegratorsAreInTheRequestsLanguageToo() async throws {
        try await harness().run { client in
            let json: HTTPFields = [.contentType: "application/json", .acceptLanguage: "uk"]
            let notAnObject = try await client.execute(
                uri: "/subscribe", method: .post, headers: json, body: ByteBuffer(string: "[1, 2]"))
            #expect(
                notAnObject.text.contains(#""field":"body""#) && notAnObject.text.contains(#""code":"invalid_type""#))
            #expect(notAnObject.text.contains("Надішліть об’єкт JSON."))
            let wrongTypes = try await client.execute(
                uri: "/subscribe", method: .post, headers: json,
                body: ByteBuffer(string: #"{"email":5,"newsletter":{"a":1},"confirm_address":"yes"}"#))
            #expect(wrongTypes.text.contains("Поле email має містити рядок."))
            #expect(wrongTypes.text.contains("Поле newsletter має містити рядок або список рядків."))
            #expect(wrongTypes.text.contains("Поле confirm_address має містити true або false."))
            let english = try await client.execute(
                uri: "/subscribe", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"email":["a"]}"#))
            #expect(english.text.contains("email must be a string."))
        }
    }
}
