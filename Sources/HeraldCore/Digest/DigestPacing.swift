import Foundation

/// Spaces sends to at most `perSecond` across all tasks of a run.
actor Pacer {
    private let interval: Duration
    private var next = ContinuousClock.now

    init(perSecond: Double) {
        interval = .nanoseconds(Int64(1e9 / max(perSecond, 0.001)))
    }

    func wait() async {
        let slot = max(next, ContinuousClock.now)
        next = slot + interval
        try? await Task.sleep(until: slot, clock: .continuous)
    }
}

/// Notices when an issue's settled deliveries stop growing while other runs hold rows.
struct StallWatch {
    private var settled = -1
    private var since = ContinuousClock.now

    /// True when `settled` has not changed for `limit`.
    mutating func isStalled(settled current: Int, limit: Duration) -> Bool {
        if current != settled {
            settled = current
            since = .now
            return false
        }
        return ContinuousClock.now - since > limit
    }
}
