import Foundation

/// One configured receiver of webhook events.
public struct WebhookEndpoint: Sendable, Equatable {
    /// The `http(s)://` URL to POST to.
    public var url: String
    /// The shared secret for the `Herald-Signature` HMAC.
    public var secret: String
    /// The event types this endpoint receives.
    public var events: Set<WebhookEventType>

    public init(url: String, secret: String, events: Set<WebhookEventType> = Set(WebhookEventType.allCases)) {
        self.url = url
        self.secret = secret
        self.events = events
    }
}

/// Writes one delivery row per interested endpoint, inside the caller's transaction (outbox pattern).
public struct WebhookPublisher: Sendable {
    /// The configured endpoints.
    public let endpoints: [WebhookEndpoint]

    public init(endpoints: [WebhookEndpoint]) { self.endpoints = endpoints }

    /// A publisher with no endpoints: publishing does nothing.
    public static let none = WebhookPublisher(endpoints: [])

    /// Queues `event` for every endpoint that subscribed to its type; returns how many rows were written.
    @discardableResult
    public func publish(_ event: WebhookEvent, in tx: any WebhookOperations) async throws -> Int {
        let interested = endpoints.filter { $0.events.contains(event.type) }
        guard !interested.isEmpty else { return 0 }
        let body = try event.jsonBody()
        for endpoint in interested {
            _ = try await tx.enqueueWebhook(
                WebhookDraft(
                    eventID: event.id, eventType: event.type, endpointURL: endpoint.url,
                    subscriberID: event.subscriberID, body: body, createdAt: event.createdAt))
        }
        return interested.count
    }

    /// For an erasure, in its transaction: drops every queued or past delivery about the subscriber
    /// (their bodies hold the address), then queues `subscriber.erased` (which carries only the id).
    public func subscriberErased(_ subscriberID: Int64, at time: Date, in tx: any WebhookOperations) async throws {
        try await tx.deleteWebhookDeliveries(subscriberID: subscriberID)
        try await publish(
            WebhookEvent(type: .erased, createdAt: time, subscriberID: subscriberID, email: nil, newsletter: nil),
            in: tx)
    }
}
