import Foundation

/// One subscriber's standing with one newsletter, with the time of each change.
public struct Subscription: Sendable, Equatable, Codable {
    public var subscriberID: Int64
    public var newsletter: String
    public var status: SubscriptionStatus
    public var createdAt: Date
    public var updatedAt: Date
    public var confirmedAt: Date?
    public var unsubscribedAt: Date?

    public init(
        subscriberID: Int64, newsletter: String, status: SubscriptionStatus, createdAt: Date,
        updatedAt: Date, confirmedAt: Date? = nil, unsubscribedAt: Date? = nil
    ) {
        self.subscriberID = subscriberID
        self.newsletter = newsletter
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.confirmedAt = confirmedAt
        self.unsubscribedAt = unsubscribedAt
    }

    /// This subscription moved to `status` at `time`, stamping the matching timestamp.
    public func moved(to status: SubscriptionStatus, at time: Date) -> Subscription {
        var next = self
        next.status = status
        next.updatedAt = time
        switch status {
        case .pending: break
        case .confirmed: next.confirmedAt = time
        case .unsubscribed: next.unsubscribedAt = time
        }
        return next
    }
}
