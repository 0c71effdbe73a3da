import Foundation
import HeraldCore
import HeraldPostgres
import HeraldTestSupport
import Testing

@testable import HeraldSQLite

/// Migration 19 upgrades a database that has digest issues: every issue keeps its id, deliveries,
/// remembered articles and opens; storing the newsletter gives the old issues its language; the
/// rebuilt tables keep their foreign keys.
@Suite("Migration 19: digest issues per language")
struct IssueLanguageMigrationTests {
    /// The rows of version 17: a completed issue (7) and an interrupted one (8) of `daily`.
    static let legacyRows = [
        "INSERT INTO newsletters (slug, title) VALUES ('daily', 'Daily')",
        """
        INSERT INTO digest_issues (id, newsletter, period, articles, created_at, completed_at)
        VALUES (7, 'daily', '2026-12-01', '[]', 1000, 2000), (8, 'daily', '2026-12-02', '[]', 3000, NULL)
        """,
        """
        INSERT INTO digest_deliveries (issue_id, subscriber_id, state, updated_at)
        VALUES (7, 1, 'sent', 2000), (8, 1, 'pending', 3000), (8, 2, 'sent', 3000)
        """,
        """
        INSERT INTO digest_articles_sent (newsletter, identity, link_identity, issue_id)
        VALUES ('daily', 'a', 'https://n.example/a', 7)
        """,
        "INSERT INTO issue_opens (issue_id, hour, opens) VALUES (7, 0, 3)",
    ]

    static var daily: Newsletter {
        var newsletter = Newsletter(slug: "daily", title: "Daily")
        newsletter.language = "uk"
        newsletter.languages = ["uk", "en"]
        return newsletter
    }

    @Test func sqliteKeepsIssuesDeliveriesAndReferences() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let old = try SQLiteStore(path: path)
        try await old.migrate(upTo: 17)
        let raw = try SQLiteConnection(path: path)
        for statement in Self.legacyRows { try raw.execute(statement) }
        let upgraded = try SQLiteStore(path: path)
        try await upgraded.migrate()
        try await Self.checkUpgraded(upgraded)
        #expect(try raw.query("PRAGMA foreign_key_check").isEmpty)
        try raw.execute("PRAGMA foreign_keys = ON; DELETE FROM digest_issues WHERE id = 7")
        let left = try raw.query(
            "SELECT (SELECT count(*) FROM digest_deliveries WHERE issue_id = 7) + "
                + "(SELECT count(*) FROM digest_articles_sent WHERE issue_id = 7) + "
                + "(SELECT count(*) FROM issue_opens WHERE issue_id = 7)")
        #expect(left.first?.int(0) == 0)
    }

    @Test(.enabled(if: TestPostgres.isEnabled))
    func postgresKeepsIssuesDeliveriesAndReferences() async throws {
        let store = try await TestPostgres.freshStore()
        defer { store.shutdown() }
        try await store.migrate(upTo: 17)
        for statement in Self.legacyRows { try await store.executeUnchecked(statement) }
        try await store.migrate()
        try await Self.checkUpgraded(store)
    }

    /// What an upgraded store with ``legacyRows`` holds once `daily` (in `uk`) is stored.
    static func checkUpgraded(_ store: any SubscriberStore) async throws {
        try await store.transaction { try await $0.upsertNewsletter(Self.daily) }
        let (open, resumed, progress, seenUK, seenEN, archived) = try await store.transaction { tx in
            (
                try await tx.incompleteDigestIssues(newsletter: "daily"),
                try await tx.digestIssue(newsletter: "daily", period: "2026-12-02", language: "uk"),
                try await tx.digestProgress(issueID: 8, failureLimit: 0),
                try await tx.seenArticleKeys(
                    newsletter: "daily", language: "uk", identities: ["a"], links: ["https://n.example/a"]),
                try await tx.seenArticleKeys(newsletter: "daily", language: "en", identities: ["a"], links: []),
                try await tx.archivedIssues(newsletter: "daily", language: "uk", offset: 0, limit: 10)
            )
        }
        #expect(open.map(\.id) == [8] && open.map(\.language) == ["uk"])
        #expect(resumed?.id == 8)
        #expect(progress.counts == [.pending: 1, .sent: 1])
        #expect(seenUK == ["a", "https://n.example/a"])
        #expect(seenEN.isEmpty)
        #expect(archived.map(\.id) == [7])
        let english = DigestEdition(of: Self.daily, language: "en")
        let created = try await store.transaction {
            try await $0.createDigestIssue(
                newsletter: "daily", period: "2026-12-02", edition: english, articles: [], at: Date())
        }
        #expect(created.language == "en" && created.id != 8)
        await #expect(throws: StoreError.self) {
            _ = try await store.transaction {
                try await $0.createDigestIssue(
                    newsletter: "daily", period: "2026-12-02", edition: DigestEdition(of: Self.daily, language: "uk"),
                    articles: [], at: Date())
            }
        }
    }
}
