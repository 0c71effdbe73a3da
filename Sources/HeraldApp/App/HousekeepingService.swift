import HeraldCore
import Logging
import ServiceLifecycle

/// Periodic housekeeping inside `herald serve`: sends the one reminder of signups unconfirmed for
/// `reminder_hours` (every `reminderInterval`); every `interval` it purges signups never confirmed
/// in time and removes the messages of mail failed longer than `OutboxReview.failedMailRetention`.
struct HousekeepingService: Service {
    let service: SubscriptionService
    let outboxReview: OutboxReview
    let interval: Duration
    /// How often due reminders are looked for; nil when reminders are off.
    var reminderInterval: Duration?
    /// Rung after reminders were queued, so the outbox sends them at once.
    var outboxWake: WakeSignal?
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            let tick = min(reminderInterval ?? interval, interval)
            var sincePurge = interval
            while !Task.isCancelled {
                if sincePurge >= interval {
                    await purge()
                    sincePurge = .zero
                }
                if reminderInterval != nil { await remind() }
                try? await Task.sleep(for: tick)
                sincePurge += tick
            }
        }
    }

    /// The reminder check interval for `reminderAfter`: a tenth of it, between 1 s and 5 minutes.
    static func reminderInterval(for reminderAfter: Duration?) -> Duration? {
        reminderAfter.map { min(max($0 / 10, .seconds(1)), .seconds(300)) }
    }

    private func purge() async {
        do {
            let removed = try await service.purgeExpiredPending()
            if removed > 0 { logger.info("purged unconfirmed signups", metadata: ["count": "\(removed)"]) }
            let forgotten = try await outboxReview.forgetExpiredFailures()
            if forgotten > 0 { logger.info("removed old failed mail", metadata: ["count": "\(forgotten)"]) }
        } catch {
            logger.error("housekeeping failed", metadata: ["error": "\(error)"])
        }
    }

    private func remind() async {
        do {
            let round = try await service.sendDueReminders()
            if round.queued > 0 {
                outboxWake?.ring()
                logger.info("queued signup reminders", metadata: ["count": "\(round.queued)"])
            }
        } catch {
            logger.error("signup reminders failed", metadata: ["error": "\(error)"])
        }
    }
}
