/// The queues whose rows are claimed under a lease by one owner at a time (see ``LeasedQueue``).
public enum LeasedQueueKind: String, Sendable, CaseIterable {
    /// The mail outbox (`outbox`): confirmations, welcomes, notices.
    case outbox
    /// The webhook outbox (`webhook_deliveries`): one row per (event, endpoint).
    case webhooks
    /// Digest deliveries (`digest_deliveries`): one row per (issue, subscriber). Its row ids are
    /// subscriber ids: an owner (one digest run) holds rows of one issue at a time.
    case digest
}
