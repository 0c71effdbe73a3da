import HeraldCore
import Logging
import ServiceLifecycle

/// Writes the address search index entries signups left for after their commit, inside
/// `herald serve`: every `interval`, batches of `batchSize` subscribers until the queue is empty
/// (``SubscriberStore/indexQueuedSubscribers(limit:)``; nothing to do on stores that index at once).
///
/// It runs on a clock, not per signup, so when it runs says nothing about any one address; how long
/// a tick takes grows with the new subscribers since the last (SECURITY.md, Gaps). Searches find
/// queued subscribers too; indexing keeps the part of a search that walks the queue short. Counts
/// what it indexes and each failed tick at `/metrics` (`herald_search_index_*`).
struct SearchIndexService: Service {
    let store: any SubscriberStore
    let interval: Duration
    let batchSize: Int
    let metrics: HeraldMetrics
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await indexQueue()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Indexes batch after batch until one comes back short (the queue is empty) or one fails.
    func indexQueue() async {
        do {
            var indexed = batchSize
            while indexed == batchSize, !Task.isCancelled {
                indexed = try await store.indexQueuedSubscribers(limit: batchSize)
                metrics.searchIndexed(indexed)
            }
        } catch {
            metrics.searchIndexFailed()
            logger.error("search index update failed", metadata: ["error": "\(error)"])
        }
    }
}
