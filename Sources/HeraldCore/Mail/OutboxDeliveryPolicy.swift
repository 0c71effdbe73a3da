/// How the outbox worker claims, retries and gives up.
public struct OutboxDeliveryPolicy: Sendable, Equatable {
    /// Rows claimed per round.
    public var batchSize: Int
    /// How long a claim lasts; a worker that dies loses its claims after this. A live worker renews
    /// the claims of its batch every third of a lease while the batch is in flight
    /// (``LeasedBatch``), so one send may take longer than the lease.
    public var lease: Duration
    /// Attempts before a transiently failing row is marked failed.
    public var maxAttempts: Int
    /// Delay before the first retry; doubled for each further attempt, with ±25 % jitter.
    public var initialBackoff: Duration
    /// Upper bound of the retry delay.
    public var maxBackoff: Duration
    /// How long the worker sleeps when nothing is due and nothing was sent for `busyWindow`.
    public var idlePoll: Duration
    /// How long the worker sleeps when nothing is due but mail was sent within `busyWindow`: while
    /// signups keep coming, each confirmation waits at most this long to be picked up.
    public var busyPoll: Duration
    /// How long after the last delivery the worker keeps polling every `busyPoll`.
    public var busyWindow: Duration
    /// Messages sent at once (match the SMTP pool size).
    public var concurrency: Int
    /// Consecutive transient failures of one kind (refused, timeout, 421) after which the worker
    /// stops sending and pauses all delivery (`initialBackoff`, doubling while the relay stays
    /// silent, at most `maxBackoff`) instead of retrying each message on its own schedule.
    public var stallLimit: Int

    public init(
        batchSize: Int = 32, lease: Duration = .seconds(300), maxAttempts: Int = 8,
        initialBackoff: Duration = .seconds(30), maxBackoff: Duration = .seconds(3600),
        idlePoll: Duration = .seconds(1), concurrency: Int = 4, busyPoll: Duration = .milliseconds(20),
        busyWindow: Duration = .seconds(10), stallLimit: Int = 5
    ) {
        self.stallLimit = stallLimit
        self.batchSize = batchSize
        self.lease = lease
        self.maxAttempts = maxAttempts
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.idlePoll = idlePoll
        self.concurrency = concurrency
        self.busyPoll = busyPoll
        self.busyWindow = busyWindow
    }

    /// The delay before attempt number `attempts + 1`, jittered by `jitter` in -1...1.
    public func backoff(afterAttempts attempts: Int, jitter: Double) -> Duration {
        let base = initialBackoff.seconds * Double(1 << min(max(attempts - 1, 0), 20))
        let capped = min(base, maxBackoff.seconds)
        return .milliseconds(Int64((capped * (1 + 0.25 * jitter) * 1000).rounded()))
    }
}
