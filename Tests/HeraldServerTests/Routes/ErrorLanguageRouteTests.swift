import Foundation
import HTTPTypes
import HeraldApp
import HeraldCore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldServer

/// Error answers and the accepted signup's JSON in the reader's language (#17): the sentences
/// come from the catalogs, for pages and for JSON `message`s alike; `code` never changes.
@Suite("Routes: errors in the reader's language")
struct ErrorLanguageRouteTests {
    func harness() throws -> RouteHarness {
        var harness = try RouteHarness()
        harness.configuration.newsletters[1].language = "uk"
        harness.configuration.newsletters[1].languages = ["uk", "en"]
        return harness
    }

    @Test func anUnknownPathIsAnswered404InTheReadersLanguage() async throws {
        try await harness().run { client in
            let page = try await client.execute(
                uri: "/no/such/page", method: .get, headers: [.acceptLanguage: "uk", .accept: "text/html"])
            #expect(page.status == .notFound)
            #expect(page.text.contains("<html lang=\"uk\" dir=\"ltr\">"))
            #expect(page.text.contains("За цією адресою нічого немає.") && page.text.contains("Помилка 404"))
            let json = try await client.execute(
                uri: "/no/such/page?lang=uk", method: .get, headers: [.accept: "application/json"])
            #expect(json.status == .notFound)
            #expect(json.text.contains("\"code\":\"http_404\"") && json.text.contains("За цією адресою нічого немає."))
            let english = try await client.execute(
                uri: "/no/such/page", method: .get, headers: [.acceptLanguage: "en", .accept: "application/json"])
            #expect(english.text.contains("There is nothing at this address."))
        }
    }

    @Test func anAcceptedJSONSignupThanksInTheLanguageSent() async throws {
        try await harness().run { client in
            let answer = try await client.execute(
                uri: "/subscribe", method: .post,
                headers: [.contentType: "application/json", .accept: "application/json"],
                body: ByteBuffer(string: #"{"email": "olena@example.org", "newsletter": "daily", "language": "uk"}"#))
            #expect(answer.status == .accepted)
            #expect(answer.text.contains("\"status\":\"accepted\"") && answer.text.contains("Дякуємо за підписку!"))
        }
    }

    @Test func anUnknownArchiveIsA404InTheRequestsLanguage() async throws {
        try await harness().run { client in
            let page = try await client.execute(
                uri: "/archive/nope?lang=uk", method: .get, headers: [.accept: "text/html"])
            #expect(page.status == .notFound && page.text.contains("За цією адресою нічого немає."))
        }
    }
}
