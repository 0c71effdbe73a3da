/// The rules of the double opt-in flow that a publisher can tune.
public struct SignupPolicy: Sendable, Equatable {
    /// How long a confirmation link stays valid.
    public var confirmationLifetime: Duration
    /// At most one confirmation (or "already subscribed") mail per address within this interval.
    public var mailInterval: Duration
    /// At most this many such mails per address per 24 hours.
    public var mailsPerDay: Int
    /// How long unsubscribe/preferences links stay valid.
    public var manageLinkLifetime: Duration
    /// At most this many confirmation mails per address per 24 hours while signups look like an
    /// attack (see `SignupRequest.underAttack`).
    public var mailsPerDayUnderAttack: Int

    public init(
        confirmationLifetime: Duration = .seconds(48 * 3600), mailInterval: Duration = .seconds(600),
        mailsPerDay: Int = 5, manageLinkLifetime: Duration = .seconds(365 * 24 * 3600), mailsPerDayUnderAttack: Int = 1
    ) {
        self.confirmationLifetime = confirmationLifetime
        self.mailInterval = mailInterval
        self.mailsPerDay = mailsPerDay
        self.manageLinkLifetime = manageLinkLifetime
        self.mailsPerDayUnderAttack = mailsPerDayUnderAttack
    }

    /// The daily limit for mail of `kind` to one address: confirmation mail (to addresses that have
    /// not confirmed) drops to ``mailsPerDayUnderAttack`` while signups look like an attack.
    public func mailsPerDay(kind: MailKind, underAttack: Bool) -> Int {
        underAttack && kind == .confirmation ? min(mailsPerDay, mailsPerDayUnderAttack) : mailsPerDay
    }
}
