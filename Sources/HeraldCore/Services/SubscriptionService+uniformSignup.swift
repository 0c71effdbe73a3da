import Foundation

/// What one signup wrote: enough to tell which part of a first signup's work it did not do.
struct SignupWrites {
    let outcome: SignupOutcome
    let subscriber: Subscriber
    /// Whether the subscriber row was created by this signup.
    let insertedSubscriber: Bool
    /// Newsletters whose subscription (and consent event) this signup saved.
    let savedSubscriptions: [String]
    /// The newsletters asked for (a first signup saves a subscription for each).
    let requested: [String]

    var insertedToken: Bool { outcome == .confirmationQueued }
    var queuedMail: Bool { outcome == .confirmationQueued || outcome == .alreadySubscribedNotified }

    /// The writes of a first signup that this one left out: together they make each write once.
    var missing: SignupRehearsal {
        SignupRehearsal(
            subscriber: !insertedSubscriber, subscriptions: Array(requested.dropFirst(savedSubscriptions.count)),
            token: !insertedToken, mail: !queuedMail, existing: subscriber)
    }
}

/// The part of a first signup's work that a signup left out, to be done and undone.
struct SignupRehearsal {
    /// The subscriber lookup, lock, subscription lookups and throttle counts (a suppressed address
    /// skips them all).
    var lookups = false
    var subscriber = false
    var subscriptions: [String] = []
    var token = false
    var mail = false
    /// Whom the rows hang on when no stand-in subscriber is inserted.
    var existing: Subscriber?
    /// A newsletter whose pending subscription the signup itself saved, saved again unchanged (a
    /// new address's rehearsal on a store that indexes after commit, so that it too undoes a write).
    var resaved: String?

    /// A canonical key for the stand-in subscriber that no address can have, as long as `key`.
    ///
    /// A key's length sets how much a signup writes: the subscriber row and its unique index entry
    /// on every store, and on PostgreSQL (whose trigger indexes at once) one search index row per
    /// three-character piece; SQLite queues one fixed-size row instead (migration 23). So a stand-in
    /// with a longer key would write more than a first signup of the address does, and a known
    /// address would answer measurably later. It starts with U+007F, which no
    /// valid address contains, then up to 8 characters of `nonce` (so concurrent rehearsals do not
    /// collide), then the rest of `key`. Lengths count Unicode scalars, as SQLite's `length` and
    /// `substr` do.
    static func standInKey(like key: String, nonce: String) -> String {
        let scalars = key.unicodeScalars
        let random = nonce.unicodeScalars.prefix(max(0, min(8, scalars.count - 1)))
        var standIn = String.UnicodeScalarView([Unicode.Scalar(0x7F)])
        standIn.append(contentsOf: random)
        standIn.append(contentsOf: scalars.dropFirst(1 + random.count))
        return String(standIn)
    }
}

/// Signup work of one shape for every address state, so that timing reveals no state.
///
/// A first signup of a new address inserts a subscriber, a subscription and a consent event per
/// newsletter, a token and a mail. A known address writes less (pending: no subscriber; confirmed
/// or throttled: no token or no mail; suppressed: nothing at all), which an attacker could measure.
/// So every self signup then does the writes it left out, for a stand-in subscriber, inside
/// `discardingWrites` — the same statements, undone by a savepoint before commit. Undoing writes
/// costs more than committing them, which a known address pays and a new one would not. Where the
/// store writes the search index after commit (``SubscriberStore/indexesSubscribersAfterCommit``,
/// SQLite), nothing else in a new address's transaction makes up for that, so a new address saves its
/// first subscription again, unchanged, inside the savepoint and undoes that: this puts its median
/// between the known states' instead of 10–30 µs below them (SECURITY.md). Elsewhere it opens and
/// undoes an empty savepoint, as before. The already-subscribed
/// mail is still rendered inside the transaction (it needs the stored subscriber); the throttle
/// allows it at most `mailsPerDay` times a day per address, and each one reaches the owner.
extension SubscriptionService {
    /// Does and undoes the writes of a first signup that `result` did not do.
    func rehearseMissingWrites(
        of result: SignupWrites, _ request: SignupRequest, in tx: any SubscriptionServiceOperations, at time: Date,
        draft: ConfirmationDraft?
    ) async throws {
        var steps = result.missing
        if result.insertedSubscriber, store.base.indexesSubscribersAfterCommit {
            steps.resaved = result.savedSubscriptions.first
        }
        try await rehearse(steps, request, in: tx, at: time, draft: draft)
    }

    /// Does and undoes every step of a first signup (for a suppressed address, which did none).
    func rehearseFirstSignup(
        _ request: SignupRequest, in tx: any SubscriptionServiceOperations, at time: Date, draft: ConfirmationDraft?
    ) async throws {
        let requested = request.newsletters.compactMap(newsletter).map(\.slug)
        let everything = SignupRehearsal(
            lookups: true, subscriber: true, subscriptions: requested, token: true, mail: true)
        try await rehearse(everything, request, in: tx, at: time, draft: draft)
    }

    private func rehearse(
        _ steps: SignupRehearsal, _ request: SignupRequest, in tx: any SubscriptionServiceOperations, at time: Date,
        draft: ConfirmationDraft?
    ) async throws {
        try await tx.discardingWrites {
            // The draft's secret is unused whenever a token or subscriber is rehearsed; hashed once.
            let tokenHash = steps.subscriber || steps.token ? (draft?.secret ?? TokenSecret.generate()).hash : ""
            let standIn = NewSubscriber(
                email: request.email.typed, smtpAddress: request.email.smtpAddress,
                canonicalKey: SignupRehearsal.standInKey(like: request.email.canonicalKey, nonce: tokenHash),
                name: nil,
                language: Newsletter.languageToRecord(
                    request.language, for: request.newsletters.compactMap(newsletter)),
                createdAt: time)
            if steps.lookups { _ = try await tx.subscriber(canonicalKey: standIn.canonicalKey) }
            guard let subscriber = steps.subscriber ? try await tx.insertSubscriber(standIn) : steps.existing else {
                return
            }
            if steps.lookups { try await tx.lockSubscriber(id: subscriber.id) }
            for slug in steps.subscriptions {
                if steps.lookups { _ = try await tx.subscription(subscriberID: subscriber.id, newsletter: slug) }
                try await tx.saveSubscription(
                    Subscription(
                        subscriberID: subscriber.id, newsletter: slug, status: .pending, createdAt: time,
                        updatedAt: time))
                try await tx.appendConsent(consent(.signup, subscriber, slug, request.origin, time))
            }
            if let slug = steps.resaved {
                try await tx.saveSubscription(
                    Subscription(
                        subscriberID: subscriber.id, newsletter: slug, status: .pending, createdAt: time,
                        updatedAt: time))
            }
            if steps.lookups { _ = try await mayMail(subscriber, kind: .confirmation, in: tx, at: time) }
            if steps.token {
                try await tx.insertToken(
                    TokenRecord(
                        hash: tokenHash, purpose: .confirm, subscriberID: subscriber.id,
                        newsletter: steps.subscriptions.joined(separator: ","), createdAt: time, expiresAt: time,
                        pendingName: request.name))
            }
            if steps.mail, let mail = draft?.mail {
                _ = try await tx.enqueueMail(
                    OutboxDraft(
                        kind: .confirmation, subscriberID: subscriber.id, throttleKey: subscriber.canonicalKey,
                        mail: mail, createdAt: time))
            }
        }
    }
}
