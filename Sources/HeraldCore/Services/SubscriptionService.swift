import Foundation

/// What the double opt-in flow touches: people, their subscriptions, tokens and consent log, the
/// outbox, the per-person lock, the audit log (admin changes), the suppression list and webhooks;
/// the archive is only read (the welcome mail links the newsletter's latest published issue).
public typealias SubscriptionServiceOperations =
    SubscriberOperations & SubscriptionOperations & ConsentOperations & ConfirmationMailOperations
    & SubscriberLockOperations & DiscardedWriteOperations & AuditOperations & SuppressionListOperations
    & WebhookOperations & ReminderOperations & ArchiveOperations

/// What queueing a confirmation or notice mail touches: a token and the outbox (with its throttle).
public typealias ConfirmationMailOperations = TokenOperations & OutboxOperations

/// The double opt-in flow: signup, confirmation, unsubscribe and preferences.
///
/// Every state change, its consent record and the mail it causes are written in one transaction.
public struct SubscriptionService: Sendable {
    let store: ScopedStore<any SubscriptionServiceOperations>
    let composer: any SubscriptionMailComposer
    let policy: SignupPolicy
    let signer: ManageLinkSigner
    let newsletters: [Newsletter]
    let now: @Sendable () -> Date
    /// Where confirm and unsubscribe events go (written in the same transaction as the change).
    let webhooks: WebhookPublisher

    public init(
        store: any SubscriberStore, composer: any SubscriptionMailComposer, policy: SignupPolicy,
        signer: ManageLinkSigner, newsletters: [Newsletter], now: @escaping @Sendable () -> Date = Date.init,
        webhooks: WebhookPublisher = .none
    ) {
        self.store = ScopedStore(store) { $0 }
        self.composer = composer
        self.policy = policy
        self.signer = signer
        self.newsletters = newsletters
        self.now = now
        self.webhooks = webhooks
    }

    /// The configured newsletter with this slug.
    public func newsletter(_ slug: String) -> Newsletter? { newsletters.first { $0.slug == slug } }

    /// Records a signup and queues the mail it calls for, in one transaction.
    ///
    /// Every self signup does the database work of a first signup of a new address, whatever state
    /// the address is in (see `SubscriptionService+uniformSignup.swift`), so its response time does
    /// not tell an outsider whether the address is known.
    ///
    /// When two signups for one new address race (possible on PostgreSQL, where transactions run
    /// concurrently), the loser sees `.duplicate` and is retried once, finding the winner's row.
    public func signUp(_ request: SignupRequest) async throws -> SignupOutcome {
        do {
            return try await signUpOnce(request)
        } catch let error as StoreError where error.isDuplicate {
            return try await signUpOnce(request)
        }
    }

    private func signUpOnce(_ request: SignupRequest) async throws -> SignupOutcome {
        let time = now()
        let draft = confirmationDraft(request, at: time)  // rendered before the write, see ConfirmationDraft
        return try await store.transaction { [self] tx in
            let admission = try await admitSelfSignup(request, in: tx)
            guard admission != .refused else {
                try await rehearseFirstSignup(request, in: tx, at: time, draft: draft)
                return .suppressed
            }
            let result = try await signUpRecordingWrites(request, in: tx, at: time, draft: draft)
            try await rehearseMissingWrites(of: result, request, in: tx, at: time, draft: draft)
            if admission == .liftedErasure { try await recordLiftedErasure(request, in: tx, at: time) }
            return result.outcome
        }
    }

    /// ``signUp(_:)`` inside an open transaction (the admin API writes its audit entry in the same one).
    func signUp(
        _ request: SignupRequest, in tx: any SubscriptionServiceOperations, at time: Date,
        draft: ConfirmationDraft? = nil
    ) async throws -> SignupOutcome {
        try await signUpRecordingWrites(request, in: tx, at: time, draft: draft).outcome
    }

    /// ``signUp(_:in:at:draft:)``, also telling which rows it wrote.
    func signUpRecordingWrites(
        _ request: SignupRequest, in tx: any SubscriptionServiceOperations, at time: Date, draft: ConfirmationDraft?
    ) async throws -> SignupWrites {
        let requested = request.newsletters.compactMap(newsletter)
        guard !requested.isEmpty else { throw SubscriptionError.unknownNewsletter }
        let (subscriber, created) = try await findOrCreate(request, requested, in: tx, at: time)
        // Concurrent signups for one address (several processes on PostgreSQL) run one after
        // another from here, so the throttle counts the other one's confirmation mail.
        try await tx.lockSubscriber(id: subscriber.id)
        var needsConfirmation: [Newsletter] = []
        var alreadyConfirmed: [Newsletter] = []
        for newsletter in requested {
            let current = try await tx.subscription(subscriberID: subscriber.id, newsletter: newsletter.slug)
            if current?.status == .confirmed {
                alreadyConfirmed.append(newsletter)
                continue
            }
            needsConfirmation.append(newsletter)
            let pending =
                current.map { $0.moved(to: .pending, at: time) }
                ?? Subscription(
                    subscriberID: subscriber.id, newsletter: newsletter.slug, status: .pending,
                    createdAt: time, updatedAt: time)
            try await tx.saveSubscription(pending)
            try await tx.appendConsent(consent(.signup, subscriber, newsletter.slug, request.origin, time))
        }
        let outcome =
            needsConfirmation.isEmpty
            ? try await queueAlreadySubscribed(subscriber, alreadyConfirmed[0], in: tx, at: time)
            : try await queueConfirmation(
                subscriber, needsConfirmation, pendingName: request.name, draft: draft,
                underAttack: request.underAttack, in: tx, at: time)
        return SignupWrites(
            outcome: outcome, subscriber: subscriber, insertedSubscriber: created,
            savedSubscriptions: needsConfirmation.map(\.slug), requested: requested.map(\.slug))
    }

    /// The subscriber with the request's address, and whether this call created it.
    ///
    /// A new subscriber is stored without a name: whatever a stranger typed waits on the confirm
    /// token (``TokenRecord/pendingName``) and becomes the name only when the owner confirms. It is
    /// stored with the request's language (else the newsletter's); an existing subscriber is
    /// returned unchanged, so a stranger's signup never changes anyone's language.
    private func findOrCreate(
        _ request: SignupRequest, _ requested: [Newsletter], in tx: any SubscriptionServiceOperations, at time: Date
    ) async throws -> (Subscriber, created: Bool) {
        if let existing = try await tx.subscriber(canonicalKey: request.email.canonicalKey) { return (existing, false) }
        let created = try await tx.insertSubscriber(
            NewSubscriber(
                email: request.email.typed, smtpAddress: request.email.smtpAddress,
                canonicalKey: request.email.canonicalKey, name: nil,
                language: Newsletter.languageToRecord(request.language, for: requested), createdAt: time))
        return (created, true)
    }

    /// Whether another mail of `kind` to this person is allowed now by the per-address throttle.
    ///
    /// Both counts always run (no early return), so a throttled address costs the same as a new one.
    func mayMail(
        _ subscriber: Subscriber, kind: MailKind, underAttack: Bool = false, in tx: any ConfirmationMailOperations,
        at time: Date
    ) async throws -> Bool {
        let intervalStart = time.addingTimeInterval(-policy.mailInterval.seconds)
        let inInterval = try await tx.mailCount(throttleKey: subscriber.canonicalKey, kind: kind, since: intervalStart)
        let dayStart = time.addingTimeInterval(-86_400)
        let inDay = try await tx.mailCount(throttleKey: subscriber.canonicalKey, kind: kind, since: dayStart)
        return inInterval == 0 && inDay < policy.mailsPerDay(kind: kind, underAttack: underAttack)
    }

    /// Queues the confirmation mail and its token; `pendingName` waits on the token until confirmation.
    /// The mail is in the subscriber's language when the first newsletter offers it.
    func queueConfirmation(
        _ subscriber: Subscriber, _ pending: [Newsletter], pendingName: String? = nil, draft: ConfirmationDraft? = nil,
        underAttack: Bool = false, in tx: any ConfirmationMailOperations, at time: Date
    ) async throws -> SignupOutcome {
        guard try await mayMail(subscriber, kind: .confirmation, underAttack: underAttack, in: tx, at: time) else {
            return .confirmationThrottled
        }
        let secret = draft?.secret ?? TokenSecret.generate()
        let expiresAt = draft?.expiresAt ?? time.addingTimeInterval(policy.confirmationLifetime.seconds)
        try await tx.insertToken(
            TokenRecord(
                hash: secret.hash, purpose: .confirm, subscriberID: subscriber.id,
                newsletter: pending.map(\.slug).joined(separator: ","), createdAt: time, expiresAt: expiresAt,
                pendingName: pendingName))
        let mail =
            try draft?.mail(for: subscriber, pending)
            ?? composer.confirmationMail(
                ConfirmationMailRequest(
                    subscriber: subscriber, newsletters: pending, token: secret, expiresAt: expiresAt,
                    language: subscriber.mailLanguage(for: pending[0])))
        _ = try await tx.enqueueMail(
            OutboxDraft(
                kind: .confirmation, subscriberID: subscriber.id, throttleKey: subscriber.canonicalKey,
                mail: mail, createdAt: time))
        return .confirmationQueued
    }

    private func queueAlreadySubscribed(
        _ subscriber: Subscriber, _ newsletter: Newsletter, in tx: any SubscriptionServiceOperations, at time: Date
    ) async throws -> SignupOutcome {
        guard try await mayMail(subscriber, kind: .alreadySubscribed, in: tx, at: time) else {
            return .alreadySubscribedThrottled
        }
        let mail = try composer.alreadySubscribedMail(mailRequest(subscriber, newsletter))
        _ = try await tx.enqueueMail(
            OutboxDraft(
                kind: .alreadySubscribed, subscriberID: subscriber.id, throttleKey: subscriber.canonicalKey,
                mail: mail, createdAt: time))
        return .alreadySubscribedNotified
    }

    /// What a mail about `newsletter` to `subscriber` needs, in the subscriber's language when offered.
    func mailRequest(_ subscriber: Subscriber, _ newsletter: Newsletter) -> SubscriptionMailRequest {
        var request = SubscriptionMailRequest(
            subscriber: subscriber, newsletter: newsletter,
            manageToken: signer.token(subscriberID: subscriber.id, newsletter: newsletter.slug))
        request.language = subscriber.mailLanguage(for: newsletter)
        return request
    }

    func consent(
        _ action: ConsentAction, _ subscriber: Subscriber, _ newsletter: String?, _ origin: RequestOrigin, _ time: Date
    ) -> ConsentEvent {
        ConsentEvent(
            subscriberID: subscriber.id, newsletter: newsletter, action: action, ipAddress: origin.ipAddress,
            userAgent: origin.userAgent, source: origin.source, occurredAt: time)
    }
}
