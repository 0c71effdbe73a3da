import Foundation

/// A confirmation mail rendered before a signup's transaction, for the subscriber and newsletters
/// the request names, so the templates and MIME work run outside the (serialised) write.
///
/// Inside the transaction it is used only when it fits what the transaction found — a subscriber
/// whose stored address equals the request's, and no requested newsletter already confirmed;
/// otherwise the mail is rendered there as before, with the same token secret. A confirmation
/// mail never carries a name, so the stored name does not matter.
struct ConfirmationDraft: Sendable {
    let secret: TokenSecret
    let expiresAt: Date
    let mail: OutgoingMail
    let smtpAddress: String
    let newsletters: [String]
    /// The language the draft is written in (a new subscriber's; an existing one may have another).
    let language: String?

    /// The drafted mail if it is the one the transaction would render for `subscriber` and `pending`.
    func mail(for subscriber: Subscriber, _ pending: [Newsletter]) -> OutgoingMail? {
        guard subscriber.smtpAddress == smtpAddress, pending.map(\.slug) == newsletters,
            let first = pending.first, subscriber.mailLanguage(for: first) == language
        else { return nil }
        return mail
    }
}

extension SubscriptionService {
    /// Renders the confirmation mail `request` most likely needs; nil when it cannot (the
    /// transaction then renders it, and reports any error, itself).
    func confirmationDraft(_ request: SignupRequest, at time: Date) -> ConfirmationDraft? {
        let requested = request.newsletters.compactMap(newsletter)
        guard !requested.isEmpty else { return nil }
        let secret = TokenSecret.generate()
        let expiresAt = time.addingTimeInterval(policy.confirmationLifetime.seconds)
        let subscriber = Subscriber(
            id: 0, email: request.email.typed, smtpAddress: request.email.smtpAddress,
            canonicalKey: request.email.canonicalKey, name: nil,
            language: Newsletter.languageToRecord(request.language, for: requested), createdAt: time, updatedAt: time)
        let language = subscriber.mailLanguage(for: requested[0])
        guard
            let mail = try? composer.confirmationMail(
                ConfirmationMailRequest(
                    subscriber: subscriber, newsletters: requested, token: secret, expiresAt: expiresAt,
                    language: language))
        else { return nil }
        return ConfirmationDraft(
            secret: secret, expiresAt: expiresAt, mail: mail, smtpAddress: request.email.smtpAddress,
            newsletters: requested.map(\.slug), language: language)
    }
}
