import Foundation
import HeraldApp
import HeraldCore

/// Counts failed guesses per client IP — wrong admin tokens, unknown confirmation or manage links —
/// and locks a client out after too many.
///
/// After `maxFailures` failures within `window`, every guarded request from that client is refused
/// for `lockout` without its secret being looked at — otherwise a locked-out guesser could still
/// tell a right secret (let through) from a wrong one. A success clears the client's count. Other
/// clients are not affected. At most `maxTrackedClients` are remembered: expired entries are swept
/// first, then the counting (not locked-out) entry touched longest ago is dropped.
actor FailureLimiter {
    private struct Entry {
        var failures: Int
        var windowStart: ContinuousClock.Instant
        var lockedUntil: ContinuousClock.Instant?
        var touched: ContinuousClock.Instant
    }

    private let policy: FailureLimitPolicy
    private var entries: [String: Entry] = [:]

    init(policy: FailureLimitPolicy) { self.policy = policy }

    /// Seconds until `client` may try again, or nil when it is not locked out.
    func retryAfter(_ client: String, now: ContinuousClock.Instant = .now) -> Int? {
        guard let until = entries[client]?.lockedUntil else { return nil }
        guard now < until else {
            entries[client] = nil
            return nil
        }
        return max(1, Int(now.duration(to: until).seconds.rounded(.up)))
    }

    /// Counts a failure; returns true when it locked the client out.
    @discardableResult
    func recordFailure(_ client: String, now: ContinuousClock.Instant = .now) -> Bool {
        var entry = entries[client] ?? Entry(failures: 0, windowStart: now, lockedUntil: nil, touched: now)
        if entry.windowStart.duration(to: now) > policy.window {
            entry = Entry(failures: 0, windowStart: now, lockedUntil: nil, touched: now)
        }
        entry.failures += 1
        entry.touched = now
        let locks = entry.failures >= policy.maxFailures
        if locks {
            entry.lockedUntil = now + policy.lockout
            entry.failures = 0
        }
        if entries[client] == nil { makeRoom(now) }
        entries[client] = entry
        return locks
    }

    /// Forgets the client's failures (it has just presented a valid secret).
    func recordSuccess(_ client: String) {
        if entries[client] != nil { entries[client] = nil }
    }

    /// Number of clients remembered (for tests of the memory bound).
    var trackedClients: Int { entries.count }

    private func makeRoom(_ now: ContinuousClock.Instant) {
        guard entries.count >= policy.maxTrackedClients else { return }
        entries = entries.filter { !isExpired($0.value, now) }
        guard entries.count >= policy.maxTrackedClients else { return }
        // Counting clients go before locked-out ones, so a flood of new addresses frees no lockout early.
        let stalest = entries.min { lhs, rhs in
            let (left, right) = (lhs.value.lockedUntil != nil, rhs.value.lockedUntil != nil)
            return left != right ? !left : lhs.value.touched < rhs.value.touched
        }
        if let stalest { entries[stalest.key] = nil }
    }

    private func isExpired(_ entry: Entry, _ now: ContinuousClock.Instant) -> Bool {
        if let until = entry.lockedUntil { return until <= now }
        return entry.windowStart.duration(to: now) > policy.window
    }
}
