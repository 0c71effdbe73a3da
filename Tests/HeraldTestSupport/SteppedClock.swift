import Foundation
import HeraldCore
import Synchronization

/// A clock a test moves by hand, for code that takes a `now` closure.
///
/// Leases and due times then follow the test's steps instead of the wall clock, so a test of
/// lease expiry says the same on a loaded machine, where a heartbeat task may be scheduled
/// seconds late, as on an idle one.
public final class SteppedClock: Sendable {
    private let time: Mutex<Date>

    /// A clock standing at `start`.
    public init(_ start: Date) { time = Mutex(start) }

    /// The time the clock stands at; pass as `now: clock.now`.
    @Sendable public func now() -> Date { time.withLock { $0 } }

    /// Moves the clock forward by `step`.
    public func advance(by step: Duration) { time.withLock { $0 += step.seconds } }

    /// Waits, in real time and at most `limit`, until `condition` holds; returns whether it did.
    /// Give a generous limit: it only stops a broken test from hanging, and a parallel `swift test`
    /// run on two cores can hold the cooperative threads for over a minute.
    public static func waitUntil(
        within limit: Duration = .seconds(30), _ condition: () async throws -> Bool
    ) async rethrows -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(2))
        }
        return try await condition()
    }
}
