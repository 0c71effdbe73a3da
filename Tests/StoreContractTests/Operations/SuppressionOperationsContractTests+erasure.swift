import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Erasure (GDPR Art. 17) and access (Art. 15) on every backend.
@Suite("Store contract: SuppressionOperations (erasure and data export)")
struct ErasureContractTests {
    static let address = "Erin.Erased@Example.org"

    /// A store holding Erin (two subscriptions, tokens, consent, sent and pending mail, a digest
    /// delivery) and Kim, who must come through Erin's erasure untouched.
    static func seeded(_ backend: StoreBackend) async throws -> (any SubscriberStore, erin: Int64, kim: Int64) {
        let store = try await backend.make()
        let (erin, kim) = try await seed(store)
        return (store, erin, kim)
    }

    /// Seeds Erin and Kim into `store`; returns their ids.
    static func seed(_ store: any SubscriberStore) async throws -> (erin: Int64, kim: Int64) {
        try await store.transaction { tx in
            for newsletter in Fixtures.newsletters { try await tx.upsertNewsletter(newsletter) }
            let erin = try await seedPerson(address, name: "Erin <b>Erased</b>", in: tx)
            let kim = try await seedPerson("kim@example.org", name: "Kim", in: tx)
            _ = try await tx.createDigestIssue(
                newsletter: "daily", period: "2026-11-25", edition: .single("en"), articles: [], at: Fixtures.now)
            return (erin, kim)
        }
    }

    private static func seedPerson(_ address: String, name: String, in tx: any StoreTransaction) async throws -> Int64 {
        var new = Fixtures.newSubscriber(address, name: name)
        new.attributesJSON = #"{"city":"Kyiv","plan":"gold"}"#
        let person = try await tx.insertSubscriber(new)
        for slug in ["news", "daily"] {
            try await tx.saveSubscription(
                Subscription(
                    subscriberID: person.id, newsletter: slug, status: .confirmed, createdAt: Fixtures.now,
                    updatedAt: Fixtures.now, confirmedAt: Fixtures.now))
            try await tx.appendConsent(
                ConsentEvent(
                    subscriberID: person.id, newsletter: slug, action: .confirm, ipAddress: "192.0.2.7",
                    userAgent: "Firefox", source: "https://example.org/\(address)", occurredAt: Fixtures.now))
        }
        try await tx.insertToken(
            TokenRecord(
                hash: "token-\(person.id)", purpose: .confirm, subscriberID: person.id, newsletter: "news",
                createdAt: Fixtures.now, expiresAt: Fixtures.now.addingTimeInterval(3600)))
        for body in ["sent mail", "pending mail"] {
            let id = try await tx.enqueueMail(
                OutboxDraft(
                    kind: .confirmation, subscriberID: person.id, throttleKey: person.canonicalKey,
                    mail: Fixtures.mail(to: address, body: body), createdAt: Fixtures.now))
            if body == "sent mail" { try await Self.markSent(id, reply: "250 ok \(address)", in: tx) }
        }
        return person.id
    }

    /// Claims what is due (as a worker would), records `id` as sent and puts the rest back unchanged.
    private static func markSent(_ id: Int64, reply: String, in tx: any StoreTransaction) async throws {
        let claimed = try await tx.claimDueMail(owner: "seed", now: Fixtures.now, limit: 1000, leaseUntil: Fixtures.now)
        for message in claimed where message.id != id {
            try await tx.markMailRetry(
                id: message.id, owner: "seed", attempts: message.attempts, nextAttemptAt: Fixtures.now,
                result: message.lastResult ?? "")
        }
        #expect(try await tx.markMailSent(id: id, owner: "seed", at: Fixtures.now, reply: reply))
    }

    @Test(arguments: StoreBackend.all)
    func erasureLeavesOnlyTheHash(_ backend: StoreBackend) async throws {
        let (store, erin, kim) = try await Self.seeded(backend)
        let admin = SubscriberAdministration(store: store, now: { Fixtures.now })
        let receipt = try await admin.erase(subscriberID: erin, actor: "api:newsroom")
        #expect(receipt.suppression.reason == .erased)
        #expect(receipt.suppression.detail == "erased by api:newsroom")
        let (byID, byKey, subscriptions, consent, token, count) = try await store.transaction { tx in
            (
                try await tx.subscriber(id: erin), try await tx.subscriber(canonicalKey: "erin.erased@example.org"),
                try await tx.subscriptions(subscriberID: erin), try await tx.consentEvents(subscriberID: erin),
                try await tx.token(hash: "token-\(erin)"), try await tx.subscriberCount()
            )
        }
        #expect(byID == nil && byKey == nil && token == nil)
        #expect(subscriptions.isEmpty && consent.isEmpty)
        #expect(count == 1)
        let outbox = try await store.transaction { tx in
            var rows: [OutboxMessage] = []
            for id in Int64(1)...8 { if let row = try await tx.outboxMessage(id: id) { rows.append(row) } }
            return rows
        }
        #expect(outbox.count == 2)
        #expect(outbox.allSatisfy { $0.subscriberID == kim && $0.mail.recipients == ["kim@example.org"] })
        let progress = try await store.transaction { tx in
            let issue = try await tx.digestIssue(newsletter: "daily", period: "2026-11-25", language: "en")
            return try await tx.digestProgress(issueID: issue?.id ?? 0, failureLimit: 10)
        }
        #expect(progress.total == 1)
        let list = SuppressionList(store: store)
        #expect(try await list.entry(for: EmailAddress(validating: "ERIN.erased@example.org"))?.reason == .erased)
        #expect(try await store.transaction { try await $0.suppressionCount() } == 1)
        let kimData = try await admin.exportData(subscriberID: kim, actor: "test")
        #expect(kimData.subscriptions.count == 2 && kimData.consentHistory.count == 2)
    }

    @Test(arguments: StoreBackend.all)
    func erasingAnUnknownSubscriberFailsAndChangesNothing(_ backend: StoreBackend) async throws {
        let (store, _, _) = try await Self.seeded(backend)
        let admin = SubscriberAdministration(store: store)
        await #expect(throws: AdministrationError.subscriberNotFound(999)) {
            try await admin.erase(subscriberID: 999, actor: "cli")
        }
        #expect(try await store.transaction { try await $0.suppressionCount() } == 0)
        #expect(try await store.transaction { try await $0.eraseSubscriber(id: 999) } == false)
    }

    @Test(arguments: StoreBackend.all)
    func exportHoldsEverythingAboutThePerson(_ backend: StoreBackend) async throws {
        let (store, erin, _) = try await Self.seeded(backend)
        let admin = SubscriberAdministration(store: store, now: { Fixtures.now })
        var data = try await admin.exportData(subscriberID: erin, actor: "test")
        #expect(data.email == Self.address)
        #expect(data.name == "Erin <b>Erased</b>")
        #expect(data.attributes == ["city": .string("Kyiv"), "plan": .string("gold")])
        #expect(data.subscriptions.map(\.newsletter) == ["daily", "news"])
        #expect(data.subscriptions.allSatisfy { $0.status == .confirmed && $0.confirmedAt == Fixtures.now })
        #expect(data.consentHistory.map(\.ipAddress) == ["192.0.2.7", "192.0.2.7"])
        #expect(data.suppression == nil)
        try await SuppressionList(store: store, now: { Fixtures.now })
            .suppress(EmailAddress(validating: Self.address), reason: .hardBounce, detail: "550 no such user")
        data = try await admin.exportData(subscriberID: erin, actor: "test")
        #expect(data.suppression?.reason == .hardBounce)
        let json = String(decoding: try JSONEncoder().encode(data), as: UTF8.self)
        for key in [
            "\"subscriber_id\"", "\"consent_history\"", "\"confirmed_at\"", "\"ip_address\"", "\"hard_bounce\"",
        ] {
            #expect(json.contains(key))
        }
        await #expect(throws: AdministrationError.subscriberNotFound(999)) {
            _ = try await admin.exportData(subscriberID: 999, actor: "test")
        }
    }
}
