import Foundation
import HeraldCore
import HeraldPostgres
import HeraldTestSupport
import Testing

@testable import HeraldSQLite

/// Migration 20 upgrades a database with digest deliveries in every open state: the rows a run of
/// the older version left claimed, sending or deferred are claimable at once by the new queue
/// (their lease is their last change), settled rows stay settled, and the old run's owner id
/// changes nothing any more once another run holds the row.
@Suite("Migration 20: digest deliveries on the leased queue")
struct DigestLeaseMigrationTests {
    /// The rows of version 19: issue 8 of `daily` with subscribers 1–5 in five states.
    static let legacyRows = [
        "INSERT INTO newsletters (slug, title) VALUES ('daily', 'Daily')",
        OlderSchema.insertSubscriber("a@example.org"),
        OlderSchema.insertSubscriber("b@example.org"),
        OlderSchema.insertSubscriber("c@example.org"),
        OlderSchema.insertSubscriber("d@example.org"),
        OlderSchema.insertSubscriber("e@example.org"),
        """
        INSERT INTO digest_issues (id, newsletter, period, language, articles, created_at)
        VALUES (8, 'daily', '2026-12-02', 'en', '[]', 3000)
        """,
        """
        INSERT INTO digest_deliveries (issue_id, subscriber_id, state, claimed_by, attempts, updated_at)
        VALUES (8, 1, 'pending', NULL, 0, 3000), (8, 2, 'claimed', 'old', 1, 3000), (8, 3, 'sending', 'old', 1, 3000),
            (8, 4, 'deferred', 'old', 2, 3000), (8, 5, 'sent', 'old', 1, 3000)
        """,
    ]

    @Test func sqliteRowsOfAnOlderRunAreClaimableAtOnce() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let old = try SQLiteStore(path: path)
        try await old.migrate(upTo: 19)
        let raw = try SQLiteConnection(path: path)
        for statement in Self.legacyRows { try raw.execute(statement) }
        let upgraded = try SQLiteStore(path: path)
        try await upgraded.migrate()
        try await Self.checkUpgraded(upgraded)
    }

    @Test(.enabled(if: TestPostgres.isEnabled))
    func postgresRowsOfAnOlderRunAreClaimableAtOnce() async throws {
        let store = try await TestPostgres.freshStore()
        defer { store.shutdown() }
        try await store.migrate(upTo: 19)
        for statement in Self.legacyRows { try await store.executeUnchecked(statement) }
        try await store.migrate()
        try await Self.checkUpgraded(store)
    }

    static func checkUpgraded(_ store: any SubscriberStore) async throws {
        let now = Date()
        let queue = DigestDeliveryQueue(issueID: 8)
        let (claimed, byOld, progress) = try await store.transaction { tx in
            let claimed = try await queue.claim(
                owner: "new", now: now, limit: 10, leaseUntil: now.addingTimeInterval(60), in: tx)
            let byOld = try await tx.settleDigestDelivery(
                issueID: 8, subscriberID: 2, owner: "old",
                outcome: DigestDeliveryOutcome(state: .sent, attempts: 2, result: "250 late", at: now))
            return (claimed, byOld, try await tx.digestProgress(issueID: 8, failureLimit: 0))
        }
        #expect(claimed.map(\.id) == [1, 2, 3, 4])
        #expect(claimed.map(\.attempts) == [0, 1, 1, 2])
        #expect(claimed.map(\.resumedAfterInterruption) == [false, false, true, false])
        #expect(!byOld)
        #expect(progress.counts == [.claimed: 4, .sent: 1])
    }
}
