import Foundation
import HeraldCore

/// A mail composer that renders plain one-line messages naming what they are, for service tests.
public struct PlainMailComposer: SubscriptionMailComposer {
    public init() {}

    public func confirmationMail(_ request: ConfirmationMailRequest) throws -> OutgoingMail {
        Self.mail(to: request.subscriber, "confirm \(request.newsletters.map(\.slug).joined(separator: ","))")
    }

    public func alreadySubscribedMail(_ request: SubscriptionMailRequest) throws -> OutgoingMail {
        Self.mail(to: request.subscriber, "already subscribed to \(request.newsletter.slug)")
    }

    public func reminderMail(_ request: ConfirmationMailRequest) throws -> OutgoingMail {
        Self.mail(to: request.subscriber, "remind \(request.newsletters.map(\.slug).joined(separator: ","))")
    }

    public func welcomeMail(_ request: SubscriptionMailRequest) throws -> OutgoingMail {
        Self.mail(to: request.subscriber, "welcome to \(request.newsletter.slug)")
    }

    private static func mail(to subscriber: Subscriber, _ text: String) -> OutgoingMail {
        Fixtures.mail(to: subscriber.smtpAddress, body: text)
    }
}

/// A transport that accepts every message and remembers it.
public final class RecordingTransport: MailTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [OutgoingMail] = []

    public init() {}

    public func send(_ mail: OutgoingMail) async throws(MailDeliveryError) -> MailReceipt {
        lock.withLock { sent.append(mail) }
        return MailReceipt(replyCode: 250, replyText: "ok")
    }

    /// Every message accepted so far.
    public var messages: [OutgoingMail] { lock.withLock { sent } }
}
