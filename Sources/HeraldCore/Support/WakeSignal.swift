/// Wakes one sleeping worker early: the outbox worker sleeps between polls with `wait(upTo:)`, and
/// whoever may just have queued mail calls `ring()`, so the mail goes out at once instead of after
/// the poll interval. A ring while nobody waits is kept (once) for the next wait; spurious wakes are
/// harmless because the worker only looks for due work. One waiter at a time.
public final class WakeSignal: Sendable {
    private struct State {
        var rung = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = LockedBox(State())

    public init() {}

    /// Wakes the waiter now, or the next wait at once when nobody is waiting.
    public func ring() {
        wake()?.resume()
    }

    /// Returns after `ring()`, after `timeout`, or when the task is cancelled, whichever is first.
    public func wait(upTo timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                try? await Task.sleep(for: timeout)
                if !Task.isCancelled { ring() }
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let alreadyRung = state.withValue { state -> Bool in
                        if state.rung {
                            state.rung = false
                            return true
                        }
                        state.waiter = continuation
                        return false
                    }
                    if alreadyRung { continuation.resume() }
                }
            } onCancel: {
                ring()
            }
            group.cancelAll()
        }
    }

    /// Takes the waiter to resume, or marks the signal rung when nobody waits.
    private func wake() -> CheckedContinuation<Void, Never>? {
        state.withValue { state in
            guard let waiter = state.waiter else {
                state.rung = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
    }
}
