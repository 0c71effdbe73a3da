import Foundation
import HTTPTypes
import HeraldCore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldServer

/// The console's changes through the real router: a subscription's state, a data export and an
/// erasure with its typed confirmation. Each is audited under the operator's name; a refused
/// form (no or a foreign anti-forgery token, a missing note, a wrong address) changes nothing.
@Suite("Routes: console subscriber actions")
struct ConsoleActionRouteTests {
    typealias Browser = ConsoleRouteTests.Browser

    /// Signs `address` up for `news` and returns their subscriber id.
    static func signUp(_ harness: RouteHarness, _ client: any TestClientProtocol, _ address: String) async throws
        -> Int64
    {
        let body = "email=\(address.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&newsletter=news"
        _ = try await client.execute(
            uri: "/subscribe", method: .post, headers: ConsoleRouteTests.form, body: ByteBuffer(string: body))
        let subscriber = try await harness.store.transaction { tx in
            try await tx.searchSubscribers(SubscriberSearch(addressContains: address, limit: 1)).first
        }
        return try #require(subscriber?.id)
    }

    static func state(_ harness: RouteHarness, _ id: Int64) async throws -> SubscriptionStatus? {
        try await harness.store.transaction { try await $0.subscription(subscriberID: id, newsletter: "news") }?.status
    }

    static func audit(_ harness: RouteHarness) async throws -> [AuditEntry] {
        try await harness.store.transaction { try await $0.auditEntries(beforeID: nil, limit: 100) }
    }

    @Test func confirmingByHandNeedsANoteAndIsAuditedUnderTheOperator() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let id = try await Self.signUp(harness, client, "olena@example.org")
            let browser = Browser(client)
            _ = try await browser.signIn()
            let page = try await browser.get("/admin/subscribers/\(id)")
            #expect(page.text.contains(#"<label for="note-news">"#))
            let path = "/admin/subscribers/\(id)/subscriptions/news"
            let noNote = try await browser.post(path, [("csrf", browser.csrf), ("status", "confirmed"), ("note", " ")])
            #expect(noNote.status == .unprocessableContent)
            #expect(noNote.text.contains("Confirming by hand needs a note"))
            #expect(noNote.text.contains(#"aria-describedby="problem-news""#))
            #expect(noNote.text.contains(#"<option value="confirmed" selected>"#), "the choice comes back")
            let hostile = try await browser.post(
                path, [("csrf", browser.csrf), ("status", "confirmed"), ("note", "ok\r\nBcc: x@example.org")])
            #expect(hostile.status == .unprocessableContent)
            let bogus = try await browser.post(path, [("csrf", browser.csrf), ("status", "pending")])
            #expect(bogus.status == .unprocessableContent)
            #expect(try await Self.state(harness, id) == .pending)
            let done = try await browser.post(
                path, [("csrf", browser.csrf), ("status", "confirmed"), ("note", "Signed the paper form at the fair")])
            #expect(done.status == .seeOther)
            #expect(done.headers[.location] == "https://news.example.org/admin/subscribers/\(id)?done=changed")
            #expect(try await Self.state(harness, id) == .confirmed)
            let operatorName = try #require(try await Self.audit(harness).last?.actor)
            let entry = try #require(try await Self.audit(harness).first)
            #expect(entry.action == "subscription.status" && entry.actor == operatorName)
            #expect(entry.detailJSON.contains("Signed the paper form at the fair"))
            let after = try await browser.get("/admin/subscribers/\(id)?done=changed")
            #expect(after.text.contains("The subscription was changed"))
        }
    }

    @Test func postsWithoutOrWithAnotherSessionsTokenChangeNothing() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let id = try await Self.signUp(harness, client, "olena@example.org")
            let mallory = Browser(client)
            _ = try await mallory.signIn()
            _ = try await mallory.get("/admin")
            let foreign = mallory.csrf
            let browser = Browser(client)
            _ = try await browser.signIn()
            let path = "/admin/subscribers/\(id)/subscriptions/news"
            for token in ["", foreign, String(repeating: "A", count: 43)] {
                let response = try await browser.post(path, [("csrf", token), ("status", "unsubscribed")])
                #expect(response.status == .forbidden, "\(token)")
                let erase = try await browser.post(
                    "/admin/subscribers/\(id)/erase", [("csrf", token), ("address", "olena@example.org")])
                #expect(erase.status == .forbidden)
            }
            let signedOut = Browser(client)
            let anonymous = try await signedOut.post(path, [("csrf", foreign), ("status", "unsubscribed")])
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "https://news.example.org/admin/sign-in")
            #expect(try await Self.state(harness, id) == .pending)
            #expect(try await harness.store.transaction { try await $0.subscriber(id: id) } != nil)
            #expect(try await Self.audit(harness).allSatisfy { $0.action.hasPrefix("console.") })
        }
    }

    @Test func anExportIsAJSONDownloadAndAudited() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let id = try await Self.signUp(harness, client, "olena@example.org")
            let browser = Browser(client)
            _ = try await browser.signIn()
            _ = try await browser.get("/admin/subscribers/\(id)")
            let export = try await browser.post("/admin/subscribers/\(id)/export", [("csrf", browser.csrf)])
            #expect(export.status == .ok)
            #expect(export.headers[.contentDisposition] == #"attachment; filename="subscriber-\#(id).json""#)
            #expect(export.headers[.cacheControl] == "no-store")
            let json = try JSONSerialization.jsonObject(with: Data(export.text.utf8)) as? [String: Any]
            #expect(json?["email"] as? String == "olena@example.org")
            #expect(json?["subscriber_id"] as? Int == Int(id))
            #expect(try await Self.audit(harness).first?.action == "subscriber.export")
            let missing = try await browser.post("/admin/subscribers/999999/export", [("csrf", browser.csrf)])
            #expect(missing.status == .notFound)
        }
    }

    @Test func erasingAsksForTheAddressAgainThenErasesAndAudits() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let id = try await Self.signUp(harness, client, "olena@example.org")
            let browser = Browser(client)
            _ = try await browser.signIn()
            let step = try await browser.get("/admin/subscribers/\(id)/erase")
            #expect(step.status == .ok && step.text.contains("Type the address again to confirm"))
            for typed in ["", "olena@example.org.", "оlena@example.org", "olena@example.org' OR '1'='1"] {
                let wrong = try await browser.post(
                    "/admin/subscribers/\(id)/erase", [("csrf", browser.csrf), ("address", typed)])
                #expect(wrong.status == .unprocessableContent, "\(typed)")
                #expect(wrong.text.contains("Nothing was erased"))
            }
            #expect(try await harness.store.transaction { try await $0.subscriber(id: id) } != nil)
            let done = try await browser.post(
                "/admin/subscribers/\(id)/erase", [("csrf", browser.csrf), ("address", " Olena@Example.org ")])
            #expect(done.status == .seeOther)
            #expect(done.headers[.location] == "https://news.example.org/admin/subscribers?done=erased")
            #expect(try await harness.store.transaction { try await $0.subscriber(id: id) } == nil)
            let entry = try #require(try await Self.audit(harness).first)
            #expect(entry.action == "subscriber.erase" && entry.target == "subscriber:\(id)")
            let list = try await browser.get("/admin/subscribers?done=erased")
            #expect(list.text.contains("The subscriber was erased"))
            let again = try await browser.get("/admin/subscribers/\(id)/erase")
            #expect(again.status == .notFound)
        }
    }
}

extension ConsoleActionRouteTests {
    @Test func addingASubscriberPendingQueuesTheConfirmationMailAndConfirmedNeedsANote() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            let form = try await browser.get("/admin/subscribers/new")
            #expect(form.status == .ok && form.text.contains(#"<label for="email">Email address</label>"#))
            let pending = try await browser.post(
                "/admin/subscribers",
                [
                    ("csrf", browser.csrf), ("email", "Taras@Example.org"), ("name", "Тарас"), ("newsletters", "news"),
                    ("newsletters", "daily"), ("status", "pending"), ("consent_note", ""),
                ])
            #expect(pending.status == .seeOther)
            let location = try #require(pending.headers[.location])
            #expect(location.hasSuffix("?done=added"))
            #expect(try await harness.queuedMail().counts[.pending] == 1, "the confirmation mail is queued")
            let entries = try await harness.store.transaction { try await $0.auditEntries(beforeID: nil, limit: 5) }
            #expect(entries.first?.action == "subscriber.create")
            _ = try await browser.get("/admin/subscribers/new")
            let noNote = try await browser.post(
                "/admin/subscribers",
                [
                    ("csrf", browser.csrf), ("email", "paper@example.org"), ("newsletters", "news"),
                    ("status", "confirmed"),
                ])
            #expect(noNote.status == .unprocessableContent)
            #expect(noNote.text.contains(#"id="consent-note-problem""#))
            #expect(noNote.text.contains(#"value="paper@example.org""#), "the typed values come back")
            let confirmed = try await browser.post(
                "/admin/subscribers",
                [
                    ("csrf", browser.csrf), ("email", "paper@example.org"), ("newsletters", "news"),
                    ("status", "confirmed"),
                    ("consent_note", "Paper form, book fair 2026"),
                ])
            #expect(confirmed.status == .seeOther)
            #expect(try await harness.queuedMail().counts[.pending] == 1, "no mail for a confirmed addition")
        }
    }

    @Test(arguments: [
        ("email", "not an address", "email-problem"), ("email", "a@b.c\r\nBcc: x@example.org", "email-problem"),
        ("email", "<script>@example.org", "email-problem"),
        ("name", String(repeating: "я", count: 101), "name-problem"),
        ("newsletters", "nope", "newsletters-problem"), ("status", "unsubscribed", "status-problem"),
    ])
    func badFieldsAreShownBesideTheFieldAndAddNobody(_ field: String, _ value: String, _ problemID: String) async throws
    {
        let harness = try RouteHarness()
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            _ = try await browser.get("/admin/subscribers/new")
            var fields = [
                ("csrf", browser.csrf), ("email", "ok@example.org"), ("newsletters", "news"), ("status", "pending"),
            ]
            fields.removeAll { $0.0 == field }
            fields.append((field, value))
            let response = try await browser.post("/admin/subscribers", fields)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains(#"id="\#(problemID)""#), "\(field)")
            #expect(!response.text.contains("<script>@"))
            let found = try await harness.store.transaction { try await $0.searchSubscribers(SubscriberSearch()) }
            #expect(found.isEmpty)
        }
    }
}

extension ConsoleActionRouteTests {
    @Test func theSubscriberPageListsTheAddressesBounces() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let id = try await Self.signUp(harness, client, "olena@example.org")
            try await harness.store.transaction { tx in
                let hash = try await SuppressionHasher.current(in: tx).hash(canonicalKey: "olena@example.org")
                _ = try await tx.insertBounce(
                    BounceRecord(
                        addressHash: hash, subscriberID: id, kind: .soft, source: .smtp,
                        diagnostic: "452 4.2.2 <b>mailbox full</b>", occurredAt: Fixtures.now, recordedAt: Fixtures.now)
                )
            }
            let browser = Browser(client)
            _ = try await browser.signIn()
            let page = try await browser.get("/admin/subscribers/\(id)")
            #expect(page.text.contains("<h2 id=\"bounces-heading\">Bounces</h2>"))
            #expect(page.text.contains("452 4.2.2 &lt;b&gt;mailbox full&lt;/b&gt;"))
        }
    }
}
