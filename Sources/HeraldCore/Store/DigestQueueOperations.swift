import Foundation

/// An article queued by hand for the next digest of a newsletter (for sites without a feed).
public struct QueuedDigestItem: Sendable, Equatable {
    public var id: Int64
    public var newsletter: String
    /// The article as it will appear in the digest; its identity is the link.
    public var article: DigestArticle
    /// The admin token name that queued it.
    public var queuedBy: String
    public var queuedAt: Date

    public init(id: Int64, newsletter: String, article: DigestArticle, queuedBy: String, queuedAt: Date) {
        self.id = id
        self.newsletter = newsletter
        self.article = article
        self.queuedBy = queuedBy
        self.queuedAt = queuedAt
    }
}

/// The queue of hand-added digest articles.
///
/// Contract: an article is queued once per (newsletter, identity): queueing it again throws
/// `.duplicate`. `pendingDigestItems` leaves out items whose identity an issue of that newsletter
/// has already sent, so an item goes out in exactly one digest.
public protocol DigestQueueOperations: Sendable {
    /// Queues `article` for `newsletter`; returns the stored item.
    func queueDigestItem(newsletter: String, article: DigestArticle, queuedBy: String, at time: Date) async throws
        -> QueuedDigestItem
    /// Up to `limit` queued items of `newsletter` no digest has sent yet, newest first.
    func pendingDigestItems(newsletter: String, limit: Int) async throws -> [QueuedDigestItem]
    /// Removes queued item `id` of `newsletter`; false when there is none (nothing changes).
    func unqueueDigestItem(id: Int64, newsletter: String) async throws -> Bool
}

/// The JSON form a queued article is stored in, shared by the SQL backends.
package enum QueuedArticleCoding {
    /// The article as a JSON object text.
    package static func encode(_ article: DigestArticle) throws -> String {
        String(decoding: try JSONEncoder().encode(article), as: UTF8.self)
    }

    /// The article stored as `text`; `.corrupt` when the column does not hold one.
    package static func decode(_ text: String) throws -> DigestArticle {
        do {
            return try JSONDecoder().decode(DigestArticle.self, from: Data(text.utf8))
        } catch {
            throw StoreError.corrupt("digest_queue holds an article that cannot be read: \(error)")
        }
    }
}
