import Foundation

/// One in-memory transaction: works on a private copy that the store keeps only on commit.
final class InMemoryTransaction: StoreTransaction {
    private let box: LockedBox<InMemoryState>

    init(state: InMemoryState) { box = LockedBox(state) }

    func finished() -> InMemoryState { box.value }

    func read<T>(_ body: (InMemoryState) throws -> T) rethrows -> T {
        try box.withValue { try body($0) }
    }

    func write<T>(_ body: (inout InMemoryState) throws -> T) rethrows -> T {
        try box.withValue { try body(&$0) }
    }

    func upsertNewsletter(_ newsletter: Newsletter) async throws {
        write { $0.newsletters[newsletter.slug] = newsletter }
    }

    func newsletters() async throws -> [Newsletter] {
        read { $0.newsletters.values.sorted { $0.slug < $1.slug } }
    }

    func insertSubscriber(_ new: NewSubscriber) async throws -> Subscriber {
        try write { state in
            guard state.subscriberIDByKey[new.canonicalKey] == nil else {
                throw StoreError.duplicate("a subscriber with this address exists")
            }
            let subscriber = Subscriber(
                id: state.nextSubscriberID, email: new.email, smtpAddress: new.smtpAddress,
                canonicalKey: new.canonicalKey, name: new.name, attributesJSON: new.attributesJSON,
                language: new.language, createdAt: new.createdAt, updatedAt: new.createdAt)
            state.nextSubscriberID += 1
            state.subscribers[subscriber.id] = subscriber
            state.subscriberIDByKey[new.canonicalKey] = subscriber.id
            return subscriber
        }
    }

    func subscriber(canonicalKey: String) async throws -> Subscriber? {
        read { state in state.subscriberIDByKey[canonicalKey].flatMap { state.subscribers[$0] } }
    }

    func subscriber(id: Int64) async throws -> Subscriber? {
        read { $0.subscribers[id] }
    }

    func updateSubscriberName(id: Int64, name: String?, at time: Date) async throws {
        try write { state in
            guard var subscriber = state.subscribers[id] else { throw StoreError.notFound("subscriber \(id)") }
            subscriber.name = name
            subscriber.updatedAt = time
            state.subscribers[id] = subscriber
        }
    }

    func updateSubscriberLanguage(id: Int64, language: String?, at time: Date) async throws {
        try write { state in
            guard var subscriber = state.subscribers[id] else { throw StoreError.notFound("subscriber \(id)") }
            subscriber.language = language
            subscriber.updatedAt = time
            state.subscribers[id] = subscriber
        }
    }

    func subscriberCount() async throws -> Int {
        read { $0.subscribers.count }
    }

    func purgePending(before cutoff: Date) async throws -> Int {
        write { state in
            state.subscriptions = state.subscriptions.filter {
                !($0.value.status == .pending && $0.value.updatedAt < cutoff)
            }
            let kept = Set(state.subscriptions.values.map(\.subscriberID))
            let removed = state.subscribers.values.filter { $0.createdAt < cutoff && !kept.contains($0.id) }
            for subscriber in removed {
                state.subscribers[subscriber.id] = nil
                state.subscriberIDByKey[subscriber.canonicalKey] = nil
                state.tokens = state.tokens.filter { $0.value.subscriberID != subscriber.id }
                state.consent.removeAll { $0.subscriberID == subscriber.id }
            }
            return removed.count
        }
    }

    func subscription(subscriberID: Int64, newsletter: String) async throws -> Subscription? {
        read { $0.subscriptions[.init(subscriberID: subscriberID, newsletter: newsletter)] }
    }

    func subscriptions(subscriberID: Int64) async throws -> [Subscription] {
        read { state in
            state.subscriptions.values.filter { $0.subscriberID == subscriberID }.sorted {
                $0.newsletter < $1.newsletter
            }
        }
    }

    func saveSubscription(_ subscription: Subscription) async throws {
        try write { state in
            guard state.subscribers[subscription.subscriberID] != nil else {
                throw StoreError.notFound("subscriber \(subscription.subscriberID)")
            }
            guard state.newsletters[subscription.newsletter] != nil else {
                throw StoreError.notFound("newsletter \(subscription.newsletter)")
            }
            state.subscriptions[.init(subscriberID: subscription.subscriberID, newsletter: subscription.newsletter)] =
                subscription
        }
    }

    func insertToken(_ token: TokenRecord) async throws {
        try write { state in
            guard state.tokens[token.hash] == nil else { throw StoreError.duplicate("token hash exists") }
            state.tokens[token.hash] = token
        }
    }

    func token(hash: String) async throws -> TokenRecord? {
        read { $0.tokens[hash] }
    }

    func markTokenUsed(hash: String, at time: Date) async throws -> Bool {
        write { state in
            guard var token = state.tokens[hash], token.usedAt == nil else { return false }
            token.usedAt = time
            state.tokens[hash] = token
            return true
        }
    }

    func appendConsent(_ event: ConsentEvent) async throws {
        write { $0.consent.append(event) }
    }

    func consentEvents(subscriberID: Int64) async throws -> [ConsentEvent] {
        read { $0.consent.filter { $0.subscriberID == subscriberID } }
    }

    func setting(named name: String, default value: String) async throws -> String {
        write { state in
            if let stored = state.settings[name] { return stored }
            state.settings[name] = value
            return value
        }
    }

    func enqueueMail(_ draft: OutboxDraft) async throws -> Int64 {
        write { state in
            let id = state.nextOutboxID
            state.nextOutboxID += 1
            state.outbox[id] = OutboxMessage(
                id: id, kind: draft.kind, subscriberID: draft.subscriberID, throttleKey: draft.throttleKey,
                mail: draft.mail, state: .pending, attempts: 0, createdAt: draft.createdAt,
                nextAttemptAt: draft.createdAt, lastResult: nil, sentAt: nil)
            return id
        }
    }

    func mailCount(throttleKey: String, kind: MailKind, since: Date) async throws -> Int {
        read { state in
            state.outbox.values.filter { $0.throttleKey == throttleKey && $0.kind == kind && $0.createdAt >= since }
                .count
        }
    }

    func claimDueMail(owner: String, now: Date, limit: Int, leaseUntil: Date) async throws -> [OutboxMessage] {
        write { state in
            let due = state.outbox.values
                .filter { ($0.state == .pending || $0.state == .sending) && $0.nextAttemptAt <= now }
                .sorted { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
                .prefix(limit)
            return due.map { message in
                var claimed = message
                claimed.state = .sending
                claimed.nextAttemptAt = leaseUntil
                state.outbox[message.id] = claimed
                state.outboxLeaseOwners[message.id] = owner
                return claimed
            }
        }
    }

    func markMailSent(id: Int64, owner: String, at time: Date, reply: String) async throws -> Bool {
        updateOwned(id, owner: owner) { message in
            message.state = .sent
            message.sentAt = time
            message.attempts += 1
            message.lastResult = reply
        }
    }

    func markMailRetry(id: Int64, owner: String, attempts: Int, nextAttemptAt: Date, result: String) async throws
        -> Bool
    {
        updateOwned(id, owner: owner) { message in
            message.state = .pending
            message.attempts = attempts
            message.nextAttemptAt = nextAttemptAt
            message.lastResult = result
        }
    }

    func markMailFailed(id: Int64, owner: String, attempts: Int, at time: Date, result: String) async throws -> Bool {
        updateOwned(id, owner: owner) { message in
            message.state = .failed
            message.attempts = attempts
            message.nextAttemptAt = time
            message.lastResult = result
        }
    }

    /// Changes a `sending` row `owner` holds; false (and no change) otherwise. `releasing` ends the claim.
    func updateOwned(
        _ id: Int64, owner: String, releasing: Bool = true, _ change: (inout OutboxMessage) -> Void
    ) -> Bool {
        write { state in
            guard var message = state.outbox[id], message.state == .sending, state.outboxLeaseOwners[id] == owner
            else { return false }
            change(&message)
            state.outbox[id] = message
            if releasing { state.outboxLeaseOwners[id] = nil }
            return true
        }
    }

    func outboxMessage(id: Int64) async throws -> OutboxMessage? {
        read { $0.outbox[id] }
    }

    func outboxSummary() async throws -> OutboxSummary {
        read { state in
            var counts: [OutboxState: Int] = [:]
            for message in state.outbox.values { counts[message.state, default: 0] += 1 }
            let oldest = state.outbox.values.filter { $0.state == .pending || $0.state == .sending }
                .map(\.createdAt).min()
            return OutboxSummary(counts: counts, oldestPendingCreatedAt: oldest)
        }
    }
}
