import HeraldCore
import Logging

/// The last line `herald serve` logs: what it left in flight for the next process (mail and
/// webhook events not yet delivered, and rows it had claimed whose lease will expire).
public enum ShutdownReport {
    /// Reads the outbox and webhook counts and logs one `Herald stopped` line; says so instead
    /// when the database does not answer.
    public static func log(_ dependencies: HeraldDependencies) async {
        let logger = dependencies.logger
        do {
            let (outbox, webhooks) = try await QueueStatus(store: dependencies.store).outboxAndWebhooks()
            logger.info(
                "Herald stopped",
                metadata: [
                    "outbox_pending": "\(outbox.counts[.pending] ?? 0)",
                    "outbox_sending": "\(outbox.counts[.sending] ?? 0)",
                    "webhooks_pending": "\(webhooks[.pending] ?? 0)",
                    "webhooks_sending": "\(webhooks[.sending] ?? 0)",
                ])
        } catch {
            logger.warning("Herald stopped; what was left in flight is unknown", metadata: ["error": "\(error)"])
        }
    }
}
