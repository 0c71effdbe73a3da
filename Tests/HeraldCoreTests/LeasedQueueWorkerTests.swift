import Foundation
import HeraldCore
import HeraldTestSupport
import Logging
import Synchronization
import Testing

/// The worker side of the leased queues: the retry schedule, the lease keeper, the batch loop.
@Suite("Leased queue: retry schedule, lease keeper, batch loop")
struct LeasedQueueWorkerTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func backoffDoublesWithJitterWithinAQuarterAndStopsAtTheCap() {
        let policy = OutboxDeliveryPolicy(maxAttempts: 8, initialBackoff: .seconds(30), maxBackoff: .seconds(600))
        for attempts in 1...7 {
            let base = min(30.0 * Double(1 << (attempts - 1)), 600)
            for _ in 0..<200 {
                let step = policy.step(afterAttempts: attempts, permanent: false, jitter: Double.random(in: -1...1))
                guard case .retry(let delay) = step else {
                    Issue.record("attempt \(attempts) gave up")
                    return
                }
                #expect(delay.seconds >= base * 0.75 - 0.001 && delay.seconds <= base * 1.25 + 0.001, "\(attempts)")
            }
        }
        #expect(policy.step(afterAttempts: 3, permanent: false, jitter: -1) == .retry(after: .seconds(90)))
        #expect(policy.step(afterAttempts: 3, permanent: false, jitter: 1) == .retry(after: .seconds(150)))
    }

    @Test func aWorkerGivesUpAfterMaxAttemptsOrAtOnceOnAPermanentFailure() {
        let policy = OutboxDeliveryPolicy(maxAttempts: 4)
        #expect(policy.step(afterAttempts: 3, permanent: false, jitter: 0) != .giveUp)
        #expect(policy.step(afterAttempts: 4, permanent: false, jitter: 0) == .giveUp)
        #expect(policy.step(afterAttempts: 9, permanent: false, jitter: 0) == .giveUp)
        #expect(policy.step(afterAttempts: 1, permanent: true, jitter: 0) == .giveUp)
    }

    @Test func theKeeperDropsRowsTheStoreSaysWereLost() async throws {
        let keeper = LeaseKeeper(
            ids: [1, 2, 3], leaseUntil: Self.start + 60, lease: .seconds(60), now: { Self.start },
            renew: { ids, _ in Set(ids).subtracting([2]) })
        #expect([1, 2, 3].allSatisfy(keeper.holds))
        try await keeper.renewNow()
        #expect(keeper.holds(1) && !keeper.holds(2) && keeper.holds(3))
        keeper.release(3)
        #expect(!keeper.holds(3))
    }

    @Test func rowsAreNotHeldOnceTheLastRenewedLeaseHasRunOut() async throws {
        let clock = Mutex(Self.start)
        let keeper = LeaseKeeper(
            ids: [1], leaseUntil: Self.start + 60, lease: .seconds(60), now: { clock.withLock { $0 } },
            renew: { _, _ in throw CancellationError() })
        clock.withLock { $0 = Self.start + 59 }
        #expect(keeper.holds(1))
        await #expect(throws: CancellationError.self) { try await keeper.renewNow() }
        clock.withLock { $0 = Self.start + 60 }
        #expect(!keeper.holds(1), "a renewal that failed does not extend the lease")
    }

    /// A batch whose one row takes longer than its lease: the heartbeat renews the row every
    /// third of a lease meanwhile, and stops once the row is released. The row's work lasts one
    /// and a half leases of a ``SteppedClock``, moved a third of a lease each time a renewal for
    /// the time it stands at has arrived, so a heartbeat scheduled late on a loaded machine delays
    /// the test instead of failing it.
    @Test func aBatchRenewsItsLeasesWhileWorkIsInFlight() async throws {
        let lease = Duration.seconds(3)
        let clock = SteppedClock(Self.start)
        let renewals = Mutex<[(ids: [Int64], until: Date)]>([])
        let batch = LeasedBatch(
            [Row(id: 7, attempts: 0), Row(id: 8, attempts: 0)], leaseUntil: Self.start + 3, lease: lease,
            now: clock.now,
            renew: { ids, until in
                renewals.withLock { $0.append((ids.sorted(), until)) }
                return Set(ids)
            })
        let end = Self.start + lease.seconds * 1.5
        async let run = batch.run(concurrency: 2, logger: Logger(label: "test")) { row in
            while row.id == 7, clock.now() < end { try await Task.sleep(for: .milliseconds(1)) }
            return (row.id, batch.keeper.holds(row.id))
        }
        var patience = Duration.seconds(180)  // a bound against hanging, not a timing assertion
        while clock.now() < end {
            let horizon = clock.now() + lease.seconds
            let renewed = await SteppedClock.waitUntil(within: patience) {
                renewals.withLock { $0.last.map { $0.until >= horizon } ?? false }
            }
            #expect(renewed, "a renewal for \(clock.now())")
            if !renewed { patience = .zero }  // play the rest out without waiting, to see what breaks
            clock.advance(by: lease / 3)
        }
        let (outcomes, untried) = try await run
        #expect(outcomes.map(\.0) == [8, 7])
        // Row 7's work outlasted the first lease; it is still held thanks to the renewals.
        let held = outcomes.filter { $0.1 }.map(\.0)
        let seen = renewals.withLock { $0.map(\.ids) }
        #expect(held.contains(7), "renewals \(seen)")
        #expect(untried.isEmpty)
        #expect(seen.count >= 2, "\(seen)")
        #expect(seen.allSatisfy { $0 == [7] }, "the finished row is not renewed: \(seen)")
        try await Task.sleep(for: .milliseconds(1500))
        #expect(renewals.withLock { $0.count } == seen.count, "no renewal after the batch")
    }

    @Test func aBatchStartsNoRowOnceToldToStop() async throws {
        let stop = Mutex(false)
        let batch = LeasedBatch(
            (1...5).map { Row(id: $0, attempts: 0) }, leaseUntil: Date() + 60, lease: .seconds(60), now: Date.init,
            renew: { ids, _ in Set(ids) })
        let (outcomes, untried) = try await batch.run(
            concurrency: 1, logger: Logger(label: "test"), keepGoing: { !stop.withLock { $0 } }
        ) { row in
            if row.id == 2 { stop.withLock { $0 = true } }
            return row.id
        }
        #expect(outcomes == [1, 2])
        #expect(untried.map(\.id) == [3, 4, 5])
    }
}

private struct Row: LeasedItem {
    var id: Int64
    var attempts: Int
}
