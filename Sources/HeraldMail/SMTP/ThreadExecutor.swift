import Dispatch
import Foundation
import Synchronization

/// A serial executor backed by one dedicated thread, so that an actor using it can make blocking
/// calls (libcurl transfers) without tying up a thread of Swift's cooperative pool.
final class ThreadExecutor: SerialExecutor, Sendable {
    private struct Queue: ~Copyable {
        var jobs: [UnownedJob] = []
        var head = 0
        var stopping = false
    }

    private let queue = Mutex(Queue())
    private let wakeUp = DispatchSemaphore(value: 0)

    /// Starts the thread; it runs until `shutdown()` and the jobs enqueued before it have run.
    init(name: String) {
        let thread = Thread { [self] in self.run() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.withLock { $0.jobs.append(job) }
        wakeUp.signal()
    }

    /// Lets the thread finish the jobs already enqueued, then exit.
    func shutdown() {
        queue.withLock { $0.stopping = true }
        wakeUp.signal()
    }

    private func run() {
        while true {
            wakeUp.wait()
            let next: UnownedJob?? = queue.withLock { queue in
                guard queue.head < queue.jobs.count else { return queue.stopping ? .none : .some(nil) }
                let job = queue.jobs[queue.head]
                queue.head += 1
                if queue.head > 64, queue.head * 2 > queue.jobs.count {
                    queue.jobs.removeFirst(queue.head)
                    queue.head = 0
                }
                return job
            }
            switch next {
            case .none: return
            case .some(nil): continue
            case .some(let job?): job.runSynchronously(on: asUnownedSerialExecutor())
            }
        }
    }
}
