import HeraldMail
import ServiceLifecycle

/// Runs the outbox worker inside `herald serve`; on graceful shutdown it stops between messages.
struct OutboxService: Service {
    let worker: OutboxWorker

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await worker.run()
        }
    }
}
