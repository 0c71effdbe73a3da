import Foundation

/// What a valid confirmation link would confirm.
public struct ConfirmationPreview: Sendable, Equatable {
    public var subscriber: Subscriber
    public var newsletters: [Newsletter]
    /// The slugs this request moved from pending to confirmed; empty for a preview and for a
    /// repeated confirmation (nothing changed, so nothing is counted).
    public var newlyConfirmed: [String] = []
}

/// The result of following a confirmation link.
public enum ConfirmationResult: Sendable, Equatable {
    /// These subscriptions are confirmed now (or already were: confirming twice is harmless).
    case confirmed(ConfirmationPreview)
    /// The link does not work; the page offers to send a new one.
    case invalid(LinkProblem)
}

extension SubscriptionService {
    /// What the token would confirm, without changing anything (the GET page; link scanners are harmless).
    public func previewConfirmation(_ secret: TokenSecret) async throws -> ConfirmationResult {
        let time = now()
        return try await store.transaction { [self] tx in
            switch try await usableConfirmToken(secret, in: tx, at: time) {
            case .failure(let problem): return .invalid(problem)
            case .success(let token):
                return .confirmed(try await preview(token, in: tx))
            }
        }
    }

    /// Confirms the subscriptions the token names; queues welcome mail (in the subscriber's stored
    /// language when the newsletter offers it; for a subscriber stored without one, in `language`
    /// when given, else the newsletter's); records consent. Single use.
    public func confirm(_ secret: TokenSecret, origin: RequestOrigin, language: String? = nil) async throws
        -> ConfirmationResult
    {
        let time = now()
        return try await store.transaction { [self] tx in
            let token: TokenRecord
            switch try await usableConfirmToken(secret, in: tx, at: time) {
            case .failure(let problem): return .invalid(problem)
            case .success(let found): token = found
            }
            var preview = try await preview(token, in: tx)
            guard token.usedAt == nil else { return .confirmed(preview) }
            _ = try await tx.markTokenUsed(hash: token.hash, at: time)
            preview.subscriber = try await adoptPendingName(of: token, for: preview.subscriber, in: tx, at: time)
            for newsletter in preview.newsletters {
                if try await confirmOne(
                    preview.subscriber, newsletter, origin: origin, language: language, in: tx, at: time)
                {
                    preview.newlyConfirmed.append(newsletter.slug)
                }
            }
            return .confirmed(preview)
        }
    }

    /// The name typed with the signup becomes the subscriber's name once the owner confirms,
    /// unless the subscriber has one already (a stranger's later signup never renames anyone).
    private func adoptPendingName(
        of token: TokenRecord, for subscriber: Subscriber, in tx: any SubscriptionServiceOperations, at time: Date
    ) async throws -> Subscriber {
        guard let name = token.pendingName, !name.isEmpty, subscriber.name == nil else { return subscriber }
        try await tx.updateSubscriberName(id: subscriber.id, name: name, at: time)
        var named = subscriber
        named.name = name
        named.updatedAt = time
        return named
    }

    /// Confirms one pending subscription; returns whether it changed (false when it was not pending).
    private func confirmOne(
        _ subscriber: Subscriber, _ newsletter: Newsletter, origin: RequestOrigin, language: String?,
        in tx: any SubscriptionServiceOperations,
        at time: Date
    ) async throws -> Bool {
        guard let current = try await tx.subscription(subscriberID: subscriber.id, newsletter: newsletter.slug),
            current.status == .pending
        else { return false }
        try await tx.saveSubscription(current.moved(to: .confirmed, at: time))
        try await tx.appendConsent(consent(.confirm, subscriber, newsletter.slug, origin, time))
        try await publish(.confirmed, subscriber, newsletter.slug, in: tx, at: time)
        guard newsletter.sendsWelcome else { return true }
        var request = mailRequest(subscriber, newsletter)
        if subscriber.language == nil {  // stored before languages were: the link's, when offered
            request.language = language.flatMap { newsletter.languages.contains($0) ? $0 : nil }
        }
        if newsletter.archive {
            request.latestIssue = try await tx.archivedIssues(
                newsletter: newsletter.slug, language: request.language ?? newsletter.language, offset: 0, limit: 1
            ).first
        }
        let mail = try composer.welcomeMail(request)
        _ = try await tx.enqueueMail(
            OutboxDraft(
                kind: .welcome, subscriberID: subscriber.id, throttleKey: subscriber.canonicalKey, mail: mail,
                createdAt: time))
        return true
    }

    /// The token if it can still be used: known, a confirm token, not expired; a used token is
    /// accepted only when everything it named is already confirmed (confirming twice is harmless).
    private func usableConfirmToken(_ secret: TokenSecret, in tx: any SubscriptionServiceOperations, at time: Date)
        async throws
        -> Result<TokenRecord, LinkProblem>
    {
        guard let token = try await tx.token(hash: secret.hash), secret.matches(hash: token.hash),
            token.purpose == .confirm
        else { return .failure(.unknown) }
        if token.usedAt != nil {
            let preview = try await preview(token, in: tx)
            let stillPending = try await anyPending(preview, in: tx)
            return stillPending ? .failure(.used) : .success(token)
        }
        guard time < token.expiresAt else { return .failure(.expired) }
        return .success(token)
    }

    private func anyPending(_ preview: ConfirmationPreview, in tx: any SubscriptionServiceOperations) async throws
        -> Bool
    {
        for newsletter in preview.newsletters {
            let current = try await tx.subscription(subscriberID: preview.subscriber.id, newsletter: newsletter.slug)
            if current?.status != .confirmed { return true }
        }
        return false
    }

    private func preview(_ token: TokenRecord, in tx: any SubscriptionServiceOperations) async throws
        -> ConfirmationPreview
    {
        guard let subscriber = try await tx.subscriber(id: token.subscriberID) else {
            throw StoreError.corrupt("token refers to a missing subscriber")
        }
        let slugs = (token.newsletter ?? "").split(separator: ",").map(String.init)
        return ConfirmationPreview(subscriber: subscriber, newsletters: slugs.compactMap(newsletter))
    }
}
