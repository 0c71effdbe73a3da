import Foundation

/// Why an operator's retry or discard of an outbox mail was not done.
public enum OutboxReviewError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No outbox row has this id (never existed, or its subscriber was erased).
    case mailNotFound(Int64)
    /// The mail is in a state the action does not apply to (sent, being sent, discarded, or
    /// failed so long ago that its message was removed).
    case notApplicable(Int64, OutboxState)
    /// A recipient is on the suppression list (for this reason): no mail goes to it.
    case recipientSuppressed(Int64, SuppressionReason)

    public var description: String {
        switch self {
        case .mailNotFound(let id): "no mail with id \(id)"
        case .notApplicable(let id, let state): "mail \(id) is \(state.rawValue) and cannot be changed now"
        case .recipientSuppressed(let id, let reason):
            "the recipient of mail \(id) is suppressed (\(reason.rawValue)), so it would not be sent; discard it"
        }
    }
}

/// What ``OutboxReview`` touches: the outbox, its review operations and the audit log.
public typealias OutboxReviewStoreOperations = OutboxOperations & OutboxReviewOperations & AuditOperations
    & SuppressionListOperations

/// The operator's view of mail that did not go out: list it, send it again once the relay is
/// fixed, or give up on it. Each change is audited with the operator's name in its transaction.
public struct OutboxReview: Sendable {
    /// How long a failed mail keeps its message for a retry: a week, then housekeeping removes it
    /// (the message holds confirmation and unsubscribe links).
    public static let failedMailRetention: TimeInterval = 7 * 86_400

    let store: ScopedStore<any OutboxReviewStoreOperations>
    let now: @Sendable () -> Date

    public init(store: any SubscriberStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = ScopedStore(store) { $0 }
        self.now = now
    }

    /// Failed and deferred mail, newest first, ids below `beforeID`.
    public func mailNeedingAttention(beforeID: Int64?, limit: Int) async throws -> [OutboxMessage] {
        try await store.transaction { try await $0.mailNeedingAttention(beforeID: beforeID, limit: limit) }
    }

    /// Makes a failed or deferred mail due now with a fresh attempt budget (audit `mail.retry`).
    /// A mail to a suppressed address is refused: the worker would drop it again.
    ///
    /// - Throws: ``OutboxReviewError``; store errors.
    public func retry(mailID: Int64, actor: String) async throws {
        try await change(mailID, actor: actor, action: "mail.retry") { tx, time in
            guard let message = try await tx.outboxMessage(id: mailID) else { return false }
            let hasher = try await SuppressionHasher.current(in: tx)
            let hashes = message.mail.recipients.compactMap { try? EmailAddress(validating: $0) }.map(hasher.hash)
            if let entry = try await tx.suppressions(addressHashes: hashes).values.first {
                throw OutboxReviewError.recipientSuppressed(mailID, entry.reason)
            }
            return try await tx.retryMail(id: mailID, at: time)
        }
    }

    /// Gives up on a failed or deferred mail and removes its message (audit `mail.discard`).
    ///
    /// - Throws: ``OutboxReviewError``; store errors.
    public func discard(mailID: Int64, actor: String) async throws {
        try await change(mailID, actor: actor, action: "mail.discard") { tx, time in
            try await tx.discardMail(id: mailID, at: time)
        }
    }

    /// Removes the messages of mail failed longer than ``failedMailRetention`` ago; returns how many.
    public func forgetExpiredFailures() async throws -> Int {
        let cutoff = now().addingTimeInterval(-Self.failedMailRetention)
        return try await store.transaction { try await $0.forgetFailedMail(before: cutoff) }
    }

    private func change(
        _ id: Int64, actor: String, action: String,
        _ apply: @Sendable (any OutboxReviewStoreOperations, Date) async throws -> Bool
    ) async throws {
        let time = now()
        try await store.transaction { tx in
            guard let message = try await tx.outboxMessage(id: id) else { throw OutboxReviewError.mailNotFound(id) }
            guard try await apply(tx, time) else { throw OutboxReviewError.notApplicable(id, message.state) }
            _ = try await tx.appendAudit(
                NewAuditEntry(
                    actor: actor, action: action, target: "mail:\(id)",
                    detailJSON: AuditDetail.json(
                        [
                            "kind": message.kind.rawValue, "state": message.state.rawValue,
                            "attempts": "\(message.attempts)",
                        ]),
                    occurredAt: time))
        }
    }
}
