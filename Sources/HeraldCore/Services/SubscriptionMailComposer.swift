import Foundation

/// What a confirmation mail needs: who, for which newsletters, and the secret for the link.
public struct ConfirmationMailRequest: Sendable {
    public var subscriber: Subscriber
    public var newsletters: [Newsletter]
    public var token: TokenSecret
    public var expiresAt: Date
    /// The language to write in; `nil` means the newsletter's.
    public var language: String?

    public init(
        subscriber: Subscriber, newsletters: [Newsletter], token: TokenSecret, expiresAt: Date, language: String? = nil
    ) {
        self.subscriber = subscriber
        self.newsletters = newsletters
        self.token = token
        self.expiresAt = expiresAt
        self.language = language
    }
}

/// What a mail about an existing subscription needs: the newsletter and a manage (unsubscribe/preferences) token.
public struct SubscriptionMailRequest: Sendable {
    public var subscriber: Subscriber
    public var newsletter: Newsletter
    public var manageToken: String
    /// The newsletter's latest published issue (welcome mail of a newsletter with `archive: true`).
    public var latestIssue: DigestIssue?
    /// The language to write in; `nil` means the newsletter's.
    public var language: String?

    public init(subscriber: Subscriber, newsletter: Newsletter, manageToken: String, latestIssue: DigestIssue? = nil) {
        self.subscriber = subscriber
        self.newsletter = newsletter
        self.manageToken = manageToken
        self.latestIssue = latestIssue
    }
}

/// Turns subscription events into finished messages (templates + MIME); owned by the core, built by the app.
public protocol SubscriptionMailComposer: Sendable {
    /// The double opt-in mail with the confirmation link.
    func confirmationMail(_ request: ConfirmationMailRequest) throws -> OutgoingMail
    /// "You are already subscribed — manage your subscriptions here."
    func alreadySubscribedMail(_ request: SubscriptionMailRequest) throws -> OutgoingMail
    /// The one reminder for a signup still unconfirmed after `reminder_hours`, with a fresh link.
    func reminderMail(_ request: ConfirmationMailRequest) throws -> OutgoingMail
    /// Sent after confirmation when the newsletter has a welcome mail.
    func welcomeMail(_ request: SubscriptionMailRequest) throws -> OutgoingMail
}
