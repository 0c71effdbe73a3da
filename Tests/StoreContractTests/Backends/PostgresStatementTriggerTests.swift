import Foundation
import HeraldCore
import HeraldImport
import HeraldPostgres
import HeraldTestSupport
import Testing

/// PostgreSQL keeps the search index and the dashboard counters with statement-level triggers
/// (migration 22): after imports in several batches, signups, status changes, moved events, a changed
/// key, deleted rows and an erasure, each table holds exactly what recomputing it from its source rows gives.
@Suite("PostgreSQL: index and counters kept per statement", .enabled(if: TestPostgres.isEnabled))
struct PostgresStatementTriggerTests {
    /// Each derived table against its recount: (derived rows, rows recomputed from the source).
    private static let recounts = [
        (
            "SELECT trigram, subscriber_id FROM subscriber_trigrams",
            """
            SELECT DISTINCT substr(s.canonical_key, p, 3), s.id
            FROM subscribers s, generate_series(1, length(s.canonical_key) - 2) p
            """
        ),
        (
            """
            SELECT newsletter, status, sum(subscriptions) FROM subscription_counts GROUP BY 1, 2
            HAVING sum(subscriptions) <> 0
            """,
            "SELECT newsletter, status, count(*) FROM subscriptions GROUP BY 1, 2"
        ),
        (
            "SELECT newsletter, day, action, sum(events) FROM consent_daily GROUP BY 1, 2, 3 HAVING sum(events) <> 0",
            """
            SELECT newsletter, occurred_at / 86400000, action, count(*) FROM consent_events
            WHERE newsletter IS NOT NULL GROUP BY 1, 2, 3
            """
        ),
    ]

    @Test func derivedTablesEqualTheirRecountAfterEveryKindOfChange() async throws {
        let store = try await TestPostgres.freshStore()
        defer { store.shutdown() }
        try await store.migrate()
        try await store.transaction { tx in for n in Fixtures.newsletters { try await tx.upsertNewsletter(n) } }
        let signedUp = try await store.transaction { tx in
            let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber("olena@example.org"))
            try await tx.saveSubscription(
                Subscription(
                    subscriberID: subscriber.id, newsletter: "news", status: .pending, createdAt: Fixtures.now,
                    updatedAt: Fixtures.now))
            return subscriber
        }
        let addresses = (0..<11).map { "reader\($0)@example.org" } + ["Олена.К@приклад.укр", "olena@example.org"]
        for status in [SubscriptionStatus.confirmed, .pending] {
            let csv = "email,name\r\n" + (addresses + [addresses[0]]).map { "\($0),R\r\n" }.joined()
            let importer = SubscriberImporter(store: store, newsletters: Fixtures.newsletters, confirmations: nil)
            let options = ImportOptions(
                status: status, strict: false, batchSize: 4, emailPolicy: .default, operatorName: "alice")
            let summary = try await importer.run(path: try ImportFixture.write(Array(csv.utf8)), options: options)
            #expect(summary.invalid == 0)
        }
        for change in [
            "UPDATE subscriptions SET status = 'unsubscribed' WHERE subscriber_id % 3 = 0",
            "UPDATE consent_events SET occurred_at = occurred_at + 86400000 WHERE id % 2 = 0",
            "UPDATE consent_events SET newsletter = NULL WHERE id % 5 = 0",
            "UPDATE subscribers SET canonical_key = 'moved.' || canonical_key WHERE id % 4 = 1",
            "UPDATE subscribers SET name = 'Renamed'",
            "DELETE FROM subscriptions WHERE subscriber_id % 5 IN (2, 3)",
            "DELETE FROM consent_events WHERE id % 7 IN (3, 4)",
        ] {
            try await store.executeUnchecked(change)
        }
        try await SubscriberAdministration(store: store).erase(subscriberID: signedUp.id, actor: "api:newsroom")
        for (derived, recount) in Self.recounts {
            let stored = try await store.integerUnchecked("SELECT count(*) FROM (\(derived)) d")
            let differing = try await store.integerUnchecked(
                "SELECT count(*) FROM ((\(derived) EXCEPT ALL \(recount)) UNION ALL (\(recount) EXCEPT ALL \(derived))) d"
            )
            #expect(stored > 0, "\(derived)")
            #expect(differing == 0, "\(derived)")
        }
        let moved = try await store.transaction {
            try await $0.searchSubscribers(SubscriberSearch(addressContains: "moved.reader"))
        }
        #expect(!moved.isEmpty && moved.allSatisfy { $0.canonicalKey.hasPrefix("moved.reader") })
    }
}
