import Foundation

/// Why a mail is sent; used for throttling, metrics and status reports.
public enum MailKind: String, Sendable, Codable, CaseIterable {
    case confirmation
    case alreadySubscribed = "already_subscribed"
    case welcome
    /// The one reminder for a signup not confirmed after `reminder_hours`.
    case reminder
    case digest
    case other
}

/// Where a queued mail is in its delivery.
public enum OutboxState: String, Sendable, Codable, CaseIterable {
    /// Waiting for its next attempt.
    case pending
    /// Claimed by a worker whose lease has not expired.
    case sending
    /// Accepted by the SMTP server; never sent again.
    case sent
    /// Gave up: permanent rejection or retries exhausted.
    case failed
}

/// The SMTP envelope and the complete RFC 5322 message to send.
public struct OutgoingMail: Sendable, Equatable {
    /// Envelope sender (MAIL FROM), ASCII or SMTPUTF8 address.
    public var sender: String
    /// Envelope recipients (RCPT TO).
    public var recipients: [String]
    /// Whether any envelope address needs the SMTPUTF8 extension.
    public var requiresSMTPUTF8: Bool
    /// The whole message, CRLF line endings.
    public var data: [UInt8]

    public init(sender: String, recipients: [String], requiresSMTPUTF8: Bool = false, data: [UInt8]) {
        self.sender = sender
        self.recipients = recipients
        self.requiresSMTPUTF8 = requiresSMTPUTF8
        self.data = data
    }
}

/// A mail to put in the durable outbox, written in the same transaction as the change that caused it.
public struct OutboxDraft: Sendable, Equatable {
    public var kind: MailKind
    public var subscriberID: Int64?
    /// Canonical address key, used to throttle mail to one person.
    public var throttleKey: String?
    public var mail: OutgoingMail
    public var createdAt: Date

    public init(kind: MailKind, subscriberID: Int64?, throttleKey: String?, mail: OutgoingMail, createdAt: Date) {
        self.kind = kind
        self.subscriberID = subscriberID
        self.throttleKey = throttleKey
        self.mail = mail
        self.createdAt = createdAt
    }
}

/// A mail in the outbox with its delivery state.
public struct OutboxMessage: Sendable, Equatable {
    public var id: Int64
    public var kind: MailKind
    public var subscriberID: Int64?
    public var throttleKey: String?
    public var mail: OutgoingMail
    public var state: OutboxState
    public var attempts: Int
    public var createdAt: Date
    public var nextAttemptAt: Date
    /// The server's last reply or the error of the last attempt.
    public var lastResult: String?
    public var sentAt: Date?

    public init(
        id: Int64, kind: MailKind, subscriberID: Int64?, throttleKey: String?, mail: OutgoingMail,
        state: OutboxState, attempts: Int, createdAt: Date, nextAttemptAt: Date, lastResult: String?, sentAt: Date?
    ) {
        self.id = id
        self.kind = kind
        self.subscriberID = subscriberID
        self.throttleKey = throttleKey
        self.mail = mail
        self.state = state
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.lastResult = lastResult
        self.sentAt = sentAt
    }
}

/// Outbox counts by state and the age of the oldest mail still waiting.
public struct OutboxSummary: Sendable, Equatable {
    public var counts: [OutboxState: Int]
    public var oldestPendingCreatedAt: Date?

    public init(counts: [OutboxState: Int], oldestPendingCreatedAt: Date?) {
        self.counts = counts
        self.oldestPendingCreatedAt = oldestPendingCreatedAt
    }
}
