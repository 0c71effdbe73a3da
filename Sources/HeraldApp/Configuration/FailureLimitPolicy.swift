/// How many failed guesses one client may make before it is locked out (see `FailureLimiter`).
///
/// Used for admin authentication (a failure is a request to `/api/v1` that presents an
/// `Authorization` header with no valid admin token; a request without the header is refused with
/// `401` but not counted: it guesses nothing) and for links (a failure is a confirmation,
/// unsubscribe or preferences link whose token is unknown).
public struct FailureLimitPolicy: Sendable, Equatable {
    /// Failures from one client IP within `window` that lock it out.
    public var maxFailures: Int
    /// How far back failures count; a client quiet this long starts again from zero.
    public var window: Duration
    /// How long a locked-out client gets `429` for every guarded request, even with a valid secret.
    public var lockout: Duration
    /// Most clients tracked at once (failures or lockouts); beyond it the stalest entry is dropped.
    public var maxTrackedClients: Int

    public init(
        maxFailures: Int = 10, window: Duration = .seconds(300), lockout: Duration = .seconds(900),
        maxTrackedClients: Int = 10_000
    ) {
        self.maxFailures = maxFailures
        self.window = window
        self.lockout = lockout
        self.maxTrackedClients = maxTrackedClients
    }
}
