import HeraldWebhooks
import ServiceLifecycle

/// Runs the webhook worker inside `herald serve`; on graceful shutdown it stops between deliveries.
struct WebhookService: Service {
    let worker: WebhookWorker

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await worker.run()
        }
    }
}
