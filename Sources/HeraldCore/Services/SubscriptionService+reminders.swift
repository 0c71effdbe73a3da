import Foundation

/// What one reminder pass did.
public struct ReminderRound: Sendable, Equatable {
    /// Reminders queued in the outbox.
    public var queued = 0
    /// Signups marked done without a mail: confirmed or suppressed meanwhile, or the person is gone.
    public var skipped = 0
    /// Left for a later pass: the per-address throttle did not allow another mail yet.
    public var deferred = 0

    public init(queued: Int = 0, skipped: Int = 0, deferred: Int = 0) {
        self.queued = queued
        self.skipped = skipped
        self.deferred = deferred
    }
}

extension SubscriptionService {
    /// What happened to one due signup.
    enum ReminderOutcome { case queued, skipped, deferred }

    /// Queues the one reminder of every signup unconfirmed for `reminder_hours` (none when turned
    /// off). Each reminder carries a fresh confirmation link valid until the first one would have
    /// expired; the first link stops working. A signup is claimed in the transaction that queues its
    /// mail, so several processes running this at once remind each signup once.
    public func sendDueReminders(batchSize: Int = 200) async throws -> ReminderRound {
        guard let after = policy.reminderAfter else { return ReminderRound() }
        var round = ReminderRound()
        var deferredHashes = Set<String>()
        while !Task.isCancelled {
            let time = now()
            let limit = batchSize + deferredHashes.count
            let due = try await store.transaction { tx in
                try await tx.dueReminders(
                    createdBefore: time.addingTimeInterval(-after.seconds), now: time, limit: limit)
            }
            let fresh = due.filter { !deferredHashes.contains($0.hash) }
            guard !fresh.isEmpty else { break }
            for token in fresh {
                switch try await remind(token, at: now()) {
                case .queued: round.queued += 1
                case .skipped: round.skipped += 1
                case .deferred:
                    round.deferred += 1
                    deferredHashes.insert(token.hash)
                }
            }
        }
        return round
    }

    private func remind(_ token: TokenRecord, at time: Date) async throws -> ReminderOutcome {
        try await store.transaction { [self] tx in
            guard let subscriber = try await tx.subscriber(id: token.subscriberID) else { return .skipped }
            try await tx.lockSubscriber(id: subscriber.id)
            var pending: [Newsletter] = []
            for slug in (token.newsletter ?? "").split(separator: ",").map(String.init) {
                guard let newsletter = newsletter(slug),
                    try await tx.subscription(subscriberID: subscriber.id, newsletter: slug)?.status == .pending
                else { continue }
                pending.append(newsletter)
            }
            let suppressed = try await SuppressionList.entry(canonicalKey: subscriber.canonicalKey, in: tx) != nil
            if pending.isEmpty || suppressed {
                _ = try await tx.claimReminder(hash: token.hash, replacement: nil, at: time)
                return .skipped
            }
            guard try await mayMail(subscriber, kind: .confirmation, in: tx, at: time),
                try await mayMail(subscriber, kind: .reminder, in: tx, at: time)
            else { return .deferred }
            let secret = TokenSecret.generate()
            let replacement = TokenRecord(
                hash: secret.hash, purpose: .confirm, subscriberID: subscriber.id,
                newsletter: pending.map(\.slug).joined(separator: ","), createdAt: time, expiresAt: token.expiresAt,
                pendingName: token.pendingName)
            guard try await tx.claimReminder(hash: token.hash, replacement: replacement, at: time) else {
                return .skipped
            }
            let mail = try composer.reminderMail(
                ConfirmationMailRequest(
                    subscriber: subscriber, newsletters: pending, token: secret, expiresAt: token.expiresAt,
                    language: subscriber.mailLanguage(for: pending[0])))
            _ = try await tx.enqueueMail(
                OutboxDraft(
                    kind: .reminder, subscriberID: subscriber.id, throttleKey: subscriber.canonicalKey, mail: mail,
                    createdAt: time))
            return .queued
        }
    }
}
