import Foundation

/// Where one webhook delivery is.
public enum WebhookDeliveryState: String, Sendable, Codable, CaseIterable, Equatable {
    /// Waiting for its next attempt.
    case pending
    /// Claimed by a worker whose lease has not expired.
    case sending
    /// The endpoint answered 2xx; never sent again.
    case delivered
    /// Gave up: retries exhausted, or the endpoint is no longer configured.
    case failed
}

/// One event for one endpoint, written in the same transaction as the change it reports.
public struct WebhookDraft: Sendable, Equatable {
    /// The event's id, shared by its deliveries to every endpoint (`Herald-Event-Id`).
    public var eventID: String
    public var eventType: WebhookEventType
    public var endpointURL: String
    /// The subscriber the event is about, so erasure can find the rows.
    public var subscriberID: Int64?
    /// The exact JSON body to POST (what the signature covers).
    public var body: String
    public var createdAt: Date

    public init(
        eventID: String, eventType: WebhookEventType, endpointURL: String, subscriberID: Int64?, body: String,
        createdAt: Date
    ) {
        self.eventID = eventID
        self.eventType = eventType
        self.endpointURL = endpointURL
        self.subscriberID = subscriberID
        self.body = body
        self.createdAt = createdAt
    }
}

/// A queued webhook delivery with its state.
public struct WebhookDelivery: Sendable, Equatable {
    public var id: Int64
    public var draft: WebhookDraft
    public var state: WebhookDeliveryState
    public var attempts: Int
    /// When it is due (pending) or when the current claim expires (sending).
    public var nextAttemptAt: Date
    /// The worker holding the claim, if any.
    public var claimedBy: String?
    /// The endpoint's last answer or the error of the last attempt.
    public var lastResult: String?
    public var deliveredAt: Date?

    public init(
        id: Int64, draft: WebhookDraft, state: WebhookDeliveryState, attempts: Int, nextAttemptAt: Date,
        claimedBy: String?, lastResult: String?, deliveredAt: Date?
    ) {
        self.id = id
        self.draft = draft
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.claimedBy = claimedBy
        self.lastResult = lastResult
        self.deliveredAt = deliveredAt
    }
}
