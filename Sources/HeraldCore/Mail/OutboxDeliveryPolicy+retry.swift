/// What a leased-queue worker does after a failed attempt.
public enum RetryStep: Sendable, Equatable {
    /// Try again after this delay.
    case retry(after: Duration)
    /// Give up: the failure is permanent or the attempts are spent.
    case giveUp
}

extension OutboxDeliveryPolicy {
    /// After attempt number `attempts` failed: give up when the failure is `permanent` or
    /// `maxAttempts` is reached, else retry after the jittered backoff (`jitter` in -1...1).
    public func step(afterAttempts attempts: Int, permanent: Bool, jitter: Double) -> RetryStep {
        if permanent || attempts >= maxAttempts { return .giveUp }
        return .retry(after: backoff(afterAttempts: attempts, jitter: jitter))
    }
}
