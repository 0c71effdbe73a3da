/// Why a subscription request was refused.
public enum SubscriptionError: Error, Sendable, Equatable {
    /// None of the requested newsletters is configured.
    case unknownNewsletter
}

/// Why a confirmation or manage link does not work (each gets its own page).
public enum LinkProblem: String, Error, Sendable, Equatable {
    /// Not a token we issued (or malformed).
    case unknown
    /// Past its expiry.
    case expired
    /// Already used and nothing left to confirm.
    case used
}
