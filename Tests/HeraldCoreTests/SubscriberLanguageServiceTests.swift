import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldCore

/// The stored language of a subscriber (#17): recorded by their first signup, kept by later
/// ones, shown and changed on the preferences page, followed by the next mail.
@Suite("A subscriber's stored language")
struct SubscriberLanguageServiceTests {
    let store = InMemoryStore()
    let composer = LanguageCapture()
    let clock = LockedBox(Fixtures.now)

    /// `news` in Ukrainian and English, `daily` English only.
    static let newsletters: [Newsletter] = {
        var news = Fixtures.newsletters[0]
        news.language = "uk"
        news.languages = ["uk", "en"]
        return [news, Fixtures.newsletters[1]]
    }()

    func service() async throws -> SubscriptionService {
        try await store.transaction { tx in for n in Self.newsletters { try await tx.upsertNewsletter(n) } }
        return SubscriptionService(
            store: store, composer: composer, policy: SignupPolicy(mailInterval: .seconds(0)),
            signer: ManageLinkSigner(secret: "language-test-secret"), newsletters: Self.newsletters,
            now: { [clock] in clock.value })
    }

    func signUp(_ service: SubscriptionService, language: String?, _ newsletter: String = "news") async throws {
        clock.value = clock.value.addingTimeInterval(1)
        _ = try await service.signUp(
            SignupRequest(
                email: try EmailAddress(validating: "olena@example.org"), name: nil, newsletters: [newsletter],
                origin: RequestOrigin(), language: language))
    }

    /// Signs Olena up in Ukrainian and confirms; returns her manage token for `news`.
    func confirmedUkrainianReader(_ service: SubscriptionService) async throws -> String {
        try await signUp(service, language: "uk")
        _ = try await service.confirm(try #require(composer.latestSecret), origin: RequestOrigin())
        return service.manageToken(subscriberID: try #require(try await stored()).id, newsletter: "news")
    }

    func stored() async throws -> Subscriber? {
        try await store.transaction { try await $0.subscriber(canonicalKey: "olena@example.org") }
    }

    func consents() async throws -> [ConsentEvent] {
        let id = try #require(try await stored()).id
        return try await store.transaction { try await $0.consentEvents(subscriberID: id) }
    }

    @Test func aSignupForAnExistingAddressKeepsItsStoredLanguage() async throws {
        let service = try await service()
        try await signUp(service, language: "uk")
        #expect(try await stored()?.language == "uk")
        try await signUp(service, language: "en")  // anyone may type the address: it changes nothing
        #expect(try await stored()?.language == "uk")
        #expect(composer.languages(.confirmation).last == "uk")
        _ = try await service.confirm(try #require(composer.latestSecret), origin: RequestOrigin())
        try await signUp(service, language: "en")
        #expect(try await stored()?.language == "uk")
        #expect(composer.languages(.alreadySubscribed) == ["uk"])
    }

    @Test func thePreferencesPageShowsTheStoredLanguageAmongTheOfferedOnes() async throws {
        let service = try await service()
        let token = try await confirmedUkrainianReader(service)
        let view = try #require(try await service.preferences(token: token))
        #expect(view.languages == ["uk", "en"])
        #expect(view.language == "uk")
    }

    @Test func choosingEnglishStoresItRecordsItAndTheNextMailIsInEnglish() async throws {
        let service = try await service()
        let token = try await confirmedUkrainianReader(service)
        let before = try await consents().count
        let origin = RequestOrigin(ipAddress: "192.0.2.7", source: "preferences page")
        let view = try #require(
            try await service.savePreferences(token: token, keep: ["news"], language: "EN", origin: origin))
        #expect(view.language == "en")
        #expect(try await stored()?.language == "en")
        let recorded = try await consents().dropFirst(before)
        #expect(recorded.map(\.action) == [.preferenceChange])
        #expect(recorded.first?.source == "preferences page: language en")
        #expect(recorded.first?.ipAddress == "192.0.2.7")
        #expect(recorded.first?.newsletter == nil)
        // Saving the same language again records nothing more.
        _ = try await service.savePreferences(token: token, keep: ["news"], language: "en", origin: origin)
        #expect(try await consents().count == before + 1)
        try await signUp(service, language: "uk")
        #expect(composer.languages(.alreadySubscribed) == ["en"])
    }

    @Test(arguments: [
        "de", "", "uk\r\nBcc: x@example.org", "<script>alert(1)</script>", String(repeating: "u", count: 10_240),
    ])
    func anUnknownLanguageRefusesTheWholeFormAndChangesNothing(_ language: String) async throws {
        let service = try await service()
        let token = try await confirmedUkrainianReader(service)
        let before = try await consents().count
        let error = await #expect(throws: UnknownLanguageError.self) {
            try await service.savePreferences(token: token, keep: [], language: language, origin: RequestOrigin())
        }
        #expect(error?.offered == ["uk", "en"])
        #expect((error?.requested.count ?? 0) <= 64)
        #expect(try await stored()?.language == "uk")
        #expect(try await consents().count == before)
        let view = try #require(try await service.preferences(token: token))
        #expect(view.entries.first { $0.newsletter.slug == "news" }?.status == .confirmed)  // not unsubscribed
    }

    @Test func withoutALanguageOnlyTheNewslettersChange() async throws {
        let service = try await service()
        let token = try await confirmedUkrainianReader(service)
        let view = try #require(try await service.savePreferences(token: token, keep: [], origin: RequestOrigin()))
        #expect(view.language == "uk")
        #expect(view.entries.first { $0.newsletter.slug == "news" }?.status == .unsubscribed)
    }

    @Test func aStoredLanguageNoLongerOfferedShowsTheNewslettersOwn() async throws {
        let service = try await service()
        try await signUp(service, language: nil, "daily")
        let subscriber = try #require(try await stored())
        try await store.transaction {
            try await $0.updateSubscriberLanguage(id: subscriber.id, language: "de", at: Fixtures.now)
        }
        let view = try #require(
            try await service.preferences(token: service.manageToken(subscriberID: subscriber.id, newsletter: "daily")))
        #expect(view.languages == ["en"])
        #expect(view.language == "en")
    }
}

/// A composer that remembers the language of each mail it writes, by kind.
final class LanguageCapture: SubscriptionMailComposer, @unchecked Sendable {
    enum Kind { case confirmation, alreadySubscribed, reminder, welcome }
    private let lock = NSLock()
    private var written: [(Kind, String?)] = []
    private var secrets: [TokenSecret] = []

    var latestSecret: TokenSecret? { lock.withLock { secrets.last } }

    func languages(_ kind: Kind) -> [String?] { lock.withLock { written.filter { $0.0 == kind }.map(\.1) } }

    private func note(_ kind: Kind, _ language: String?, _ secret: TokenSecret? = nil) {
        lock.withLock {
            written.append((kind, language))
            if let secret { secrets.append(secret) }
        }
    }

    func confirmationMail(_ request: ConfirmationMailRequest) throws -> OutgoingMail {
        note(.confirmation, request.language, request.token)
        return try PlainMailComposer().confirmationMail(request)
    }

    func alreadySubscribedMail(_ request: SubscriptionMailRequest) throws -> OutgoingMail {
        note(.alreadySubscribed, request.language)
        return try PlainMailComposer().alreadySubscribedMail(request)
    }

    func reminderMail(_ request: ConfirmationMailRequest) throws -> OutgoingMail {
        note(.reminder, request.language, request.token)
        return try PlainMailComposer().reminderMail(request)
    }

    func welcomeMail(_ request: SubscriptionMailRequest) throws -> OutgoingMail {
        note(.welcome, request.language)
        return try PlainMailComposer().welcomeMail(request)
    }
}
