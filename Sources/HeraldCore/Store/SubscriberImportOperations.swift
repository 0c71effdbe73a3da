import Foundation

/// Bulk writes for `herald subscribers import` and paged reads for `export`.
///
/// Contract for `importSubscribers` (a handful of statements per batch, whatever its size):
/// - A row whose canonical key is new creates the subscriber; a known one gets a new non-nil
///   name and the row's attributes merged over the stored ones (`updatedAt` = `importedAt`).
/// - Language: a new subscriber is stored with the row's `language`, else its
///   `newSubscriberLanguage`; a known one gets a non-nil `language` and keeps its stored one otherwise.
/// - A subscription that does not exist is created with the row's status and times
///   (`updatedAt` = `importedAt`); an existing `pending` one becomes `confirmed` when the row says
///   so; any other existing subscription is left as it is (an import never resubscribes someone
///   who unsubscribed).
/// - Every created or changed subscription gets one `import` consent event with the batch's source.
/// - Suppression is the caller's job: rows given here are written.
public protocol SubscriberImportOperations: Sendable {
    /// Writes one batch; see the protocol contract.
    func importSubscribers(_ batch: SubscriberImportBatch) async throws -> SubscriberImportBatchResult
    /// Up to `limit` (subscriber, subscription) rows ordered by subscriber id then newsletter,
    /// after the row (`afterSubscriberID`, `afterNewsletter`), optionally only one newsletter or status.
    func exportPage(
        newsletter: String?, status: SubscriptionStatus?, afterSubscriberID: Int64, afterNewsletter: String, limit: Int
    ) async throws -> [SubscriberExportRow]
    /// The attribute names used by the subscribers `exportPage` would return, sorted.
    func exportAttributeNames(newsletter: String?, status: SubscriptionStatus?) async throws -> [String]
}
