import Foundation
import Synchronization

/// Watches the rate of signups — overall, per client network and per recipient domain — and
/// says whether they look like an attack now.
///
/// Each rate is counted in fixed windows and estimated over a sliding one (the current window's
/// count plus the previous one's, weighted by how much of it still overlaps). Exceeding any limit
/// starts the attack state, which lasts `hold` after the last time a limit was exceeded. Memory is
/// bounded: past `maxKeys` networks or domains the stale ones are dropped, and when every one is
/// fresh (a very wide spread) the table is cleared and the overall rate, which needs no table,
/// still catches the attack.
final class SignupPressure: Sendable {
    /// The limits, per window.
    struct Limits: Sendable {
        var overall: Double
        var network: Double
        var domain: Double
        var window: Duration
        var hold: Duration
    }

    /// Why the attack state started (for logs and metrics).
    enum Reason: String, Sendable {
        case overall
        case network
        case domain
    }

    /// A change of state the caller reports.
    enum Change: Sendable, Equatable {
        case started(Reason, key: String, count: Int)
        case ended
    }

    private struct Counter {
        var start: ContinuousClock.Instant
        var current = 0
        var previous = 0

        /// Adds one at `now` and returns the sliding-window estimate.
        mutating func add(_ now: ContinuousClock.Instant, window: Duration) -> Double {
            roll(now, window: window)
            current += 1
            return estimate(now, window: window)
        }

        mutating func roll(_ now: ContinuousClock.Instant, window: Duration) {
            let elapsed = start.duration(to: now)
            guard elapsed >= window else { return }
            let windows = Int(elapsed / window)
            previous = windows == 1 ? current : 0
            current = 0
            start = start.advanced(by: window * windows)
        }

        func estimate(_ now: ContinuousClock.Instant, window: Duration) -> Double {
            let overlap = 1 - min(1, start.duration(to: now) / window)
            return Double(current) + Double(previous) * overlap
        }
    }

    private struct State {
        var overall: Counter
        var networks: [String: Counter] = [:]
        var domains: [String: Counter] = [:]
        var activeUntil: ContinuousClock.Instant?
    }

    private let limits: Limits
    private let maxKeys: Int
    private let state: Mutex<State>

    init(limits: Limits, maxKeys: Int = 50_000, now: ContinuousClock.Instant = .now) {
        self.limits = limits
        self.maxKeys = maxKeys
        state = Mutex(State(overall: Counter(start: now)))
    }

    /// Counts one signup from `network` for an address at `domain`; returns whether signups look
    /// like an attack now, and the change of state, if any.
    func record(network: String, domain: String, now: ContinuousClock.Instant = .now) -> (Bool, Change?) {
        state.withLock { state in
            var change = Self.expire(&state, now)
            let wasActive = state.activeUntil != nil
            let window = limits.window
            var exceeded: (Reason, String, Double)?
            let overall = state.overall.add(now, window: window)
            if overall > limits.overall { exceeded = (.overall, "all", overall) }
            let perNetwork = Self.add(&state.networks, network, now, window: window, maxKeys: maxKeys)
            if exceeded == nil, perNetwork > limits.network { exceeded = (.network, network, perNetwork) }
            let perDomain = Self.add(&state.domains, domain, now, window: window, maxKeys: maxKeys)
            if exceeded == nil, perDomain > limits.domain { exceeded = (.domain, domain, perDomain) }
            guard let (reason, key, count) = exceeded else { return (wasActive, change) }
            state.activeUntil = now.advanced(by: limits.hold)
            if !wasActive { change = .started(reason, key: key, count: Int(count.rounded())) }
            return (true, change)
        }
    }

    /// Whether signups look like an attack now; `.ended` once, when the hold has run out.
    func check(now: ContinuousClock.Instant = .now) -> (Bool, Change?) {
        state.withLock { state in
            let change = Self.expire(&state, now)
            return (state.activeUntil != nil, change)
        }
    }

    /// Ends the attack state when its hold has run out.
    private static func expire(_ state: inout State, _ now: ContinuousClock.Instant) -> Change? {
        guard let until = state.activeUntil, now >= until else { return nil }
        state.activeUntil = nil
        return .ended
    }

    private static func add(
        _ table: inout [String: Counter], _ key: String, _ now: ContinuousClock.Instant, window: Duration,
        maxKeys: Int
    ) -> Double {
        if table[key] == nil, table.count >= maxKeys {
            table = table.filter { $0.value.start.duration(to: now) < window * 2 }
            if table.count >= maxKeys { table.removeAll(keepingCapacity: true) }
        }
        var counter = table[key] ?? Counter(start: now)
        let estimate = counter.add(now, window: window)
        table[key] = counter
        return estimate
    }
}
