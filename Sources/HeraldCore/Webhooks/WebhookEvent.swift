import Foundation

/// The changes Herald reports to webhook endpoints.
public enum WebhookEventType: String, Sendable, Codable, CaseIterable, Equatable {
    /// A subscription became confirmed (double opt-in completed).
    case confirmed = "subscription.confirmed"
    /// A confirmed subscription was ended by the subscriber.
    case unsubscribed = "subscription.unsubscribed"
    /// A subscriber's personal data was erased.
    case erased = "subscriber.erased"
}

/// One event as it is sent: `{"id","type","created_at","data":{…}}`.
///
/// `subscription.*` events carry the subscriber id, address and newsletter; `subscriber.erased`
/// carries only the subscriber id (the address is gone), so receivers map it through earlier events.
public struct WebhookEvent: Sendable, Equatable {
    public var id: String
    public var type: WebhookEventType
    public var createdAt: Date
    public var subscriberID: Int64
    public var email: String?
    public var newsletter: String?

    public init(
        id: String = UUID().uuidString.lowercased(), type: WebhookEventType, createdAt: Date, subscriberID: Int64,
        email: String?, newsletter: String?
    ) {
        self.id = id
        self.type = type
        self.createdAt = createdAt
        self.subscriberID = subscriberID
        self.email = email
        self.newsletter = newsletter
    }

    /// The JSON body: keys sorted, no escaped slashes, times in RFC 3339 UTC.
    public func jsonBody() throws -> String {
        let payload = Payload(
            id: id, type: type.rawValue, createdAt: Self.timestamp(createdAt),
            data: .init(subscriberID: subscriberID, email: email, newsletter: newsletter))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(payload), as: UTF8.self)
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }

    private struct Payload: Encodable {
        var id: String
        var type: String
        var createdAt: String
        var data: Data

        struct Data: Encodable {
            var subscriberID: Int64
            var email: String?
            var newsletter: String?

            enum CodingKeys: String, CodingKey {
                case subscriberID = "subscriber_id"
                case email, newsletter
            }
        }

        enum CodingKeys: String, CodingKey {
            case id, type, data
            case createdAt = "created_at"
        }
    }
}
