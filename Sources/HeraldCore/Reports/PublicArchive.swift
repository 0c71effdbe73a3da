import Foundation

/// What a page of the public archive shows: some completed issues and how many there are.
public struct ArchivePage: Sendable {
    public let issues: [DigestIssue]
    /// Completed issues of the newsletter in that language, over all pages.
    public let total: Int
}

/// The completed issues of `archive: true` newsletters, per language, as the public archive and
/// its feed read them; each answer in one transaction.
public struct PublicArchive: Sendable {
    let store: ScopedStore<any ArchiveOperations>

    public init(store: any SubscriberStore) {
        self.store = ScopedStore(store) { $0 }
    }

    /// Up to `limit` completed issues of `newsletter` in `language` after the first `offset`,
    /// newest first, with their total.
    public func page(newsletter: String, language: String, offset: Int, limit: Int) async throws -> ArchivePage {
        try await store.transaction { tx in
            ArchivePage(
                issues: try await tx.archivedIssues(
                    newsletter: newsletter, language: language, offset: offset, limit: limit),
                total: try await tx.archivedIssueCount(newsletter: newsletter, language: language))
        }
    }

    /// The newest `limit` completed issues of `newsletter` in `language` (the feed).
    public func latest(newsletter: String, language: String, limit: Int) async throws -> [DigestIssue] {
        try await store.transaction {
            try await $0.archivedIssues(newsletter: newsletter, language: language, offset: 0, limit: limit)
        }
    }

    /// The completed issue of `newsletter` in `language` for `period`; nil when there is none.
    public func issue(newsletter: String, language: String, period: String) async throws -> DigestIssue? {
        try await store.transaction {
            try await $0.archivedIssue(newsletter: newsletter, language: language, period: period)
        }
    }
}
