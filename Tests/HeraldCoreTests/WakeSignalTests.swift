import HeraldCore
import Testing

@Suite("Wake signal")
struct WakeSignalTests {
    @Test func aRingWhileWaitingEndsTheWaitEarly() async {
        let signal = WakeSignal()
        let started = ContinuousClock.now
        async let waited: Void = signal.wait(upTo: .seconds(600))
        try? await Task.sleep(for: .milliseconds(50))
        signal.ring()
        await waited
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test func aRingBeforeTheWaitIsKeptForIt() async {
        let signal = WakeSignal()
        signal.ring()
        signal.ring()  // kept once, not counted
        let started = ContinuousClock.now
        await signal.wait(upTo: .seconds(600))
        #expect(ContinuousClock.now - started < .seconds(60))
        let second = ContinuousClock.now
        await signal.wait(upTo: .milliseconds(200))
        #expect(ContinuousClock.now - second >= .milliseconds(200))
    }

    @Test func withoutARingTheWaitLastsTheTimeout() async {
        let signal = WakeSignal()
        let started = ContinuousClock.now
        await signal.wait(upTo: .milliseconds(100))
        #expect(ContinuousClock.now - started >= .milliseconds(100))
    }

    @Test func cancellingTheWaiterEndsTheWait() async {
        let signal = WakeSignal()
        let started = ContinuousClock.now
        let waiter = Task { await signal.wait(upTo: .seconds(600)) }
        try? await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        await waiter.value
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test func manyRingsFromManyTasksNeverLoseTheWaiter() async {
        let signal = WakeSignal()
        for _ in 0..<200 {
            async let waited: Void = signal.wait(upTo: .seconds(600))
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<4 { group.addTask { signal.ring() } }
            }
            let started = ContinuousClock.now
            await waited
            #expect(ContinuousClock.now - started < .seconds(60))
        }
    }
}
