import HeraldCore
import Logging
import ServiceLifecycle

/// Periodic housekeeping inside `herald serve`: purges signups never confirmed in time.
struct HousekeepingService: Service {
    let service: SubscriptionService
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let removed = try await service.purgeExpiredPending()
                    if removed > 0 { logger.info("purged unconfirmed signups", metadata: ["count": "\(removed)"]) }
                } catch {
                    logger.error("housekeeping failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
