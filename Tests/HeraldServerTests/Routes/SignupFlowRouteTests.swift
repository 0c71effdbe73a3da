import Foundation
import HTTPTypes
import HeraldCore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldServer

/// Double opt-in through the real router: the confirmation link in the queued mail, the
/// confirm page and its POST, the welcome mail and the one-click unsubscribe it links.
@Suite("Routes: signup, confirmation and unsubscribe")
struct SignupFlowRouteTests {
    private let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// The path of the first `https://news.example.org/<kind>/…` link in the mail queued last.
    private func link(_ kind: String, in harness: RouteHarness) async throws -> String {
        let queued = try await harness.store.transaction {
            try await $0.claimDueMail(
                owner: "test", now: Fixtures.now.addingTimeInterval(3600), limit: 10, leaseUntil: Fixtures.now)
        }
        let text = String(decoding: try #require(queued.last).mail.data, as: UTF8.self)
            .replacingOccurrences(of: "=\r\n", with: "")
        let pattern = try Regex("https://news\\.example\\.org(/\(kind)/[A-Za-z0-9_\\-.]+)")
        let match = try #require(text.firstMatch(of: pattern))
        return String(try #require(match.output[1].substring))
    }

    @Test func aReaderConfirmsAndUnsubscribesThroughTheLinksInTheirMail() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let signup = try await client.execute(
                uri: "/subscribe", method: .post, headers: form,
                body: ByteBuffer(string: "email=olena%40example.org&newsletter=daily"))
            #expect(signup.status == .seeOther)
            let confirm = try await link("confirm", in: harness)
            let page = try await client.execute(uri: confirm, method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("<form"))  // a GET (a mail scanner's) confirms nothing
            #expect(try await harness.store.transaction { try await $0.subscriberCount() } == 1)
            let confirmed = try await client.execute(uri: confirm, method: .post, headers: form)
            #expect(confirmed.status == .ok)
            // A reused link still says confirmed (a reader who clicks twice sees no error) and mails nothing more.
            let again = try await client.execute(uri: confirm, method: .post, headers: form)
            #expect(again.status == .ok)
            #expect(again.text == confirmed.text)
            let unsubscribe = try await link("unsubscribe", in: harness)
            let done = try await client.execute(
                uri: unsubscribe, method: .post, headers: form, body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
            #expect(done.status == .ok)
        }
        // One confirmation and one welcome mail: the second confirm queued nothing.
        #expect(try await harness.queuedMail().counts.values.reduce(0, +) == 2)
        let subscriptions = try await harness.store.transaction { tx in
            try await tx.subscriptions(
                subscriberID: try #require(try await tx.subscriber(canonicalKey: "olena@example.org")).id)
        }
        #expect(subscriptions.map(\.status) == [.unsubscribed])
    }
}
