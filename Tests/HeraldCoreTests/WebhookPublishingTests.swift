import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Confirm, unsubscribe and erase queue one webhook row per interested endpoint, in the change's transaction.
@Suite("Webhook events from subscription changes")
struct WebhookPublishingTests {
    let store = InMemoryStore()
    let endpoints = [
        WebhookEndpoint(url: "https://crm.example/hook", secret: String(repeating: "s", count: 24)),
        WebhookEndpoint(
            url: "https://audit.example/hook", secret: String(repeating: "t", count: 24), events: [.erased]),
    ]

    func service() -> SubscriptionService {
        SubscriptionService(
            store: store, composer: PlainMailComposer(), policy: SignupPolicy(mailInterval: .seconds(0)),
            signer: ManageLinkSigner(secret: "test-secret"), newsletters: Fixtures.newsletters,
            now: { Fixtures.now }, webhooks: WebhookPublisher(endpoints: endpoints))
    }

    /// Signs up and confirms reader@example.org for `news`; returns the subscriber id.
    func confirmedReader() async throws -> Int64 {
        try await store.transaction { tx in for n in Fixtures.newsletters { try await tx.upsertNewsletter(n) } }
        let secret = TokenSecret.generate()
        let id = try await store.transaction { tx in
            let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("reader@example.org"))
            try await tx.saveSubscription(
                Subscription(
                    subscriberID: subscriber.id, newsletter: "news", status: .pending, createdAt: Fixtures.now,
                    updatedAt: Fixtures.now))
            try await tx.insertToken(
                TokenRecord(
                    hash: secret.hash, purpose: .confirm, subscriberID: subscriber.id, newsletter: "news",
                    createdAt: Fixtures.now, expiresAt: Fixtures.now.addingTimeInterval(3600)))
            return subscriber.id
        }
        _ = try await service().confirm(secret, origin: RequestOrigin(ipAddress: "192.0.2.1", source: "test"))
        return id
    }

    func rows() async throws -> [WebhookDelivery] {
        try await store.transaction { tx in
            try await tx.claimDueWebhooks(owner: "t", now: .distantFuture, limit: 100, leaseUntil: .distantFuture)
        }
    }

    @Test func confirmingQueuesOneEventForInterestedEndpointsOnly() async throws {
        let id = try await confirmedReader()
        let queued = try await rows()
        #expect(queued.map(\.draft.endpointURL) == ["https://crm.example/hook"])
        let body = try #require(queued.first?.draft.body)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(json["type"] as? String == "subscription.confirmed")
        let data = try #require(json["data"] as? [String: Any])
        #expect(data["email"] as? String == "reader@example.org")
        #expect(data["newsletter"] as? String == "news")
        #expect((data["subscriber_id"] as? NSNumber)?.int64Value == id)
        #expect(json["id"] as? String == queued.first?.draft.eventID)
        #expect(json["created_at"] as? String == "2026-11-18T11:06:40Z")
    }

    @Test func confirmingTwiceQueuesNothingMore() async throws {
        _ = try await confirmedReader()
        let before = try await store.transaction { try await $0.webhookSummary() }
        #expect(before == [.pending: 1])
    }

    @Test func unsubscribingQueuesAnEventAndRepeatingItDoesNot() async throws {
        let id = try await confirmedReader()
        let token = service().manageToken(subscriberID: id, newsletter: "news")
        _ = try await service().unsubscribe(token: token, origin: RequestOrigin(ipAddress: nil, source: "test"))
        _ = try await service().unsubscribe(token: token, origin: RequestOrigin(ipAddress: nil, source: "test"))
        let types = try await rows().map(\.draft.eventType)
        #expect(types == [.confirmed, .unsubscribed])
    }

    @Test func erasingDropsEarlierEventsWithTheAddressAndQueuesAnIdOnlyEvent() async throws {
        let id = try await confirmedReader()
        try await store.transaction { tx in
            _ = try await SubscriberAdministration.erase(
                subscriberID: id, actor: "test", at: Fixtures.now, in: tx,
                webhooks: WebhookPublisher(endpoints: endpoints))
        }
        let queued = try await rows()
        #expect(queued.map(\.draft.eventType) == [.erased, .erased])
        #expect(Set(queued.map(\.draft.endpointURL)) == Set(endpoints.map(\.url)))
        #expect(queued.allSatisfy { !$0.draft.body.contains("example.org") })
        #expect(queued.first?.draft.body.contains("\"subscriber_id\":\(id)") == true)
    }

    @Test func aFailingChangeLeavesNoEvent() async throws {
        _ = try await confirmedReader()
        let before = try await store.transaction { try await $0.webhookSummary() }
        await #expect(throws: StoreError.self) {
            try await store.transaction { tx in
                try await WebhookPublisher(endpoints: endpoints).publish(
                    WebhookEvent(
                        type: .confirmed, createdAt: Fixtures.now, subscriberID: 1, email: "a@example.org",
                        newsletter: "news"), in: tx)
                throw StoreError.unavailable("disk full")
            }
        }
        #expect(try await store.transaction { try await $0.webhookSummary() } == before)
    }
}
