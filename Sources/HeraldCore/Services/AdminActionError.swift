/// Why an admin API change could not be made; each case names what the operator can do.
public enum AdminActionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No subscriber has this id.
    case subscriberNotFound(Int64)
    /// The subscriber has no subscription to this newsletter.
    case subscriptionNotFound(Int64, String)
    /// The newsletter is not configured.
    case unknownNewsletter(String)
    /// The address is on the suppression list, for this reason.
    case suppressed(SuppressionReason)
    /// The change is not one the admin API makes (e.g. back to `pending`).
    case unsupportedChange(String)

    public var description: String {
        switch self {
        case .subscriberNotFound(let id): "no subscriber with id \(id)"
        case .subscriptionNotFound(let id, let slug): "subscriber \(id) has no subscription to '\(slug)'"
        case .unknownNewsletter(let slug): "unknown newsletter '\(slug)'"
        case .suppressed(let reason):
            "the address is suppressed (\(reason.rawValue)); only a signup by the person can bring it back"
        case .unsupportedChange(let reason): reason
        }
    }
}
