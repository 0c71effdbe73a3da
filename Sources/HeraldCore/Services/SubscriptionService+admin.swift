import Foundation

/// How the admin API adds someone: through double opt-in, or as confirmed with recorded consent.
public enum AdminAddMode: Sendable, Equatable {
    /// `pending`: the confirmation mail goes out through the outbox, as for a signup.
    case pending
    /// `confirmed`: only with a note saying where and how the person consented.
    case confirmed(consentNote: String)
}

/// A validated admin request to add a subscriber.
public struct AdminAddRequest: Sendable {
    public var email: EmailAddress
    public var name: String?
    public var newsletters: [String]
    public var mode: AdminAddMode
    /// The admin token name, recorded in consent and audit.
    public var actor: String
    /// The language to store (one the newsletters offer); nil keeps an existing subscriber's and
    /// gives a new one the first newsletter's.
    public var language: String?

    public init(
        email: EmailAddress, name: String?, newsletters: [String], mode: AdminAddMode, actor: String,
        language: String? = nil
    ) {
        self.email = email
        self.name = name
        self.newsletters = newsletters
        self.mode = mode
        self.actor = actor
        self.language = language
    }
}

extension SubscriptionService {
    /// Adds a subscriber (or adds newsletters to an existing one) and writes the audit entry, in one
    /// transaction. Suppressed addresses are refused. Like a signup, a race with another process
    /// creating the same address (`.duplicate`) is retried once.
    public func adminAdd(_ request: AdminAddRequest) async throws -> Subscriber {
        for slug in request.newsletters where newsletter(slug) == nil { throw AdminActionError.unknownNewsletter(slug) }
        do {
            return try await adminAddOnce(request)
        } catch let error as StoreError where error.isDuplicate {
            return try await adminAddOnce(request)
        }
    }

    private func adminAddOnce(_ request: AdminAddRequest) async throws -> Subscriber {
        let time = now()
        return try await store.transaction { [self] tx in
            if let entry = try await SuppressionList.entry(canonicalKey: request.email.canonicalKey, in: tx) {
                throw AdminActionError.suppressed(entry.reason)
            }
            let origin = RequestOrigin(source: "admin:\(request.actor)")
            let signup = SignupRequest(
                email: request.email, name: request.name, newsletters: request.newsletters, origin: origin,
                language: request.language)
            var note: String?
            switch request.mode {
            case .pending:
                _ = try await signUp(signup, in: tx, at: time)
            case .confirmed(let consentNote):
                note = consentNote
                try await confirmByAdmin(signup, note: consentNote, in: tx, at: time)
            }
            guard var subscriber = try await tx.subscriber(canonicalKey: request.email.canonicalKey) else {
                throw StoreError.corrupt("the subscriber just added cannot be read back")
            }
            if let language = request.language, language != subscriber.language {
                try await tx.updateSubscriberLanguage(id: subscriber.id, language: language, at: time)
                subscriber.language = language
            }
            _ = try await tx.appendAudit(
                NewAuditEntry(
                    actor: request.actor, action: "subscriber.create", target: "subscriber:\(subscriber.id)",
                    detailJSON: AuditDetail.json([
                        "newsletters": request.newsletters.joined(separator: ","),
                        "status": note == nil ? "pending" : "confirmed", "consent_note": note,
                        "language": request.language,
                    ]),
                    occurredAt: time))
            return subscriber
        }
    }

    private func confirmByAdmin(
        _ request: SignupRequest, note: String, in tx: any SubscriptionServiceOperations, at time: Date
    )
        async throws
    {
        var found = try await tx.subscriber(canonicalKey: request.email.canonicalKey)
        if found == nil {
            found = try await tx.insertSubscriber(
                NewSubscriber(
                    email: request.email.typed, smtpAddress: request.email.smtpAddress,
                    canonicalKey: request.email.canonicalKey, name: request.name,
                    language: Newsletter.languageToRecord(
                        request.language, for: request.newsletters.compactMap(newsletter)),
                    createdAt: time))
        }
        guard let subscriber = found else { return }
        var origin = request.origin
        origin.source = "\(origin.source ?? "admin"): \(note)"
        for slug in request.newsletters {
            let current = try await tx.subscription(subscriberID: subscriber.id, newsletter: slug)
            guard current?.status != .confirmed else { continue }
            let next =
                current?.moved(to: .confirmed, at: time)
                ?? Subscription(
                    subscriberID: subscriber.id, newsletter: slug, status: .confirmed, createdAt: time, updatedAt: time,
                    confirmedAt: time)
            try await tx.saveSubscription(next)
            try await tx.appendConsent(consent(.adminChange, subscriber, slug, origin, time))
            try await publish(.confirmed, subscriber, slug, in: tx, at: time)
        }
    }

    /// Moves one subscription to `confirmed` (with a consent note) or `unsubscribed`, with its consent
    /// event, webhook event and audit entry in one transaction. Returns the subscription after the change.
    public func adminSetStatus(
        subscriberID: Int64, newsletter slug: String, status: SubscriptionStatus, note: String?, actor: String
    ) async throws -> Subscription {
        guard newsletter(slug) != nil else { throw AdminActionError.unknownNewsletter(slug) }
        guard status != .pending else {
            throw AdminActionError.unsupportedChange(
                "a subscription cannot be set back to pending; add the subscriber with status pending to send a new confirmation"
            )
        }
        let time = now()
        return try await store.transaction { [self] tx in
            guard let subscriber = try await tx.subscriber(id: subscriberID) else {
                throw AdminActionError.subscriberNotFound(subscriberID)
            }
            guard let current = try await tx.subscription(subscriberID: subscriberID, newsletter: slug) else {
                throw AdminActionError.subscriptionNotFound(subscriberID, slug)
            }
            if status == .confirmed,
                let entry = try await SuppressionList.entry(canonicalKey: subscriber.canonicalKey, in: tx)
            {
                throw AdminActionError.suppressed(entry.reason)
            }
            _ = try await tx.appendAudit(
                NewAuditEntry(
                    actor: actor, action: "subscription.status", target: "subscriber:\(subscriberID)",
                    detailJSON: AuditDetail.json([
                        "newsletter": slug, "from": current.status.rawValue, "to": status.rawValue, "note": note,
                    ]),
                    occurredAt: time))
            guard current.status != status else { return current }
            let next = current.moved(to: status, at: time)
            try await tx.saveSubscription(next)
            let source = "admin:\(actor)" + (note.map { ": \($0)" } ?? "")
            try await tx.appendConsent(consent(.adminChange, subscriber, slug, RequestOrigin(source: source), time))
            try await publish(status == .confirmed ? .confirmed : .unsubscribed, subscriber, slug, in: tx, at: time)
            return next
        }
    }
}
