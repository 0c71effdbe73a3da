/// What Herald records when a reader follows a link in a digest.
public enum LinkTracking: String, Sendable, Codable, CaseIterable {
    /// Links point to `/l/{id}`, where the id names the issue and the link only: the same URL for
    /// every reader. Clicks are counted per (issue, link, hour); nothing links a click to a person.
    case aggregate
    /// As `aggregate`, and each reader's links also carry their subscriber id, so the report can
    /// say which share of recipients clicked. Only for newsrooms that obtained consent for it.
    case perSubscriber = "per_subscriber"
    /// Links are left as the feed gave them; nothing is counted.
    case off
}
