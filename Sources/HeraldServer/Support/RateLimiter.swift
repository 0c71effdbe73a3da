import Foundation
import HeraldCore

/// A token bucket per client key (IP address): `burst` requests at once, refilled at `perMinute`.
///
/// Buckets that are full again are dropped, so memory stays bounded by the active clients.
actor RateLimiter {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let burst: Double
    private let refillPerSecond: Double
    private var buckets: [String: Bucket] = [:]
    private var lastSweep = ContinuousClock.now

    init(burst: Int, perMinute: Int) {
        self.burst = Double(burst)
        refillPerSecond = Double(perMinute) / 60
    }

    /// Takes one token for `key`; returns nil when allowed, else the seconds until a token is available.
    func take(_ key: String, now: ContinuousClock.Instant = .now) -> Int? {
        sweep(now)
        var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
        bucket.tokens = min(burst, bucket.tokens + elapsed(bucket.updated, now) * refillPerSecond)
        bucket.updated = now
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            return max(1, Int(((1 - bucket.tokens) / refillPerSecond).rounded(.up)))
        }
        bucket.tokens -= 1
        buckets[key] = bucket
        return nil
    }

    private func elapsed(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Double {
        from.duration(to: to).seconds
    }

    private func sweep(_ now: ContinuousClock.Instant) {
        guard elapsed(lastSweep, now) > 60 else { return }
        lastSweep = now
        let fullAfter = burst / refillPerSecond
        buckets = buckets.filter { elapsed($0.value.updated, now) < fullAfter }
    }
}
