import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The promises every store backend keeps about `NewsletterOperations`.
@Suite("Store contract: NewsletterOperations")
struct NewsletterOperationsContractTests {
    @Test(arguments: StoreBackend.all)
    func newslettersUpsertBySlug(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let listed = try await store.transaction { tx in
            try await tx.upsertNewsletter(Newsletter(slug: "news", title: "Renamed", sendsWelcome: false))
            return try await tx.newsletters()
        }
        #expect(listed.map(\.slug) == ["daily", "news"])
        #expect(listed.last?.title == "Renamed")
        #expect(listed.last?.sendsWelcome == false)
        #expect(listed.first?.timeZone == "Europe/Kyiv")
    }
}
