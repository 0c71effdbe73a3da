/// Where one subscriber stands with one newsletter in the double opt-in flow.
public enum SubscriptionStatus: String, Sendable, Codable, CaseIterable {
    /// Signed up, confirmation mail sent, not yet confirmed.
    case pending
    /// Confirmed through the link in the confirmation mail (or imported with consent).
    case confirmed
    /// Left the list; a new signup starts double opt-in again.
    case unsubscribed
}
