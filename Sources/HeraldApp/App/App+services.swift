import Foundation
import HeraldCore
import HeraldMail
import HeraldTemplates
import ServiceLifecycle

/// The workers `herald serve` runs beside its HTTP server: the outbox, housekeeping (reminders,
/// expiry, outbox review), webhook delivery, the click-count flush and the search index's queue.
public func makeBackgroundServices(
    configuration: HeraldConfiguration, dependencies: HeraldDependencies
) throws -> [any Service] {
    [
        OutboxService(worker: makeOutboxWorker(configuration: configuration, dependencies: dependencies)),
        HousekeepingService(
            service: try makeSubscriptionService(configuration: configuration, dependencies: dependencies),
            outboxReview: OutboxReview(store: dependencies.store, now: dependencies.now), interval: .seconds(3600),
            reminderInterval: HousekeepingService.reminderInterval(for: configuration.signup.reminderAfter),
            outboxWake: dependencies.outboxWake, logger: dependencies.logger),
        WebhookService(worker: makeWebhookWorker(configuration: configuration, dependencies: dependencies)),
        ClickService(recorder: dependencies.clickRecorder, interval: .seconds(1)),
        SearchIndexService(
            store: dependencies.store, interval: .seconds(1), batchSize: 100, metrics: dependencies.metrics,
            logger: dependencies.logger),
    ]
}

/// The outbox worker for the configured transport.
public func makeOutboxWorker(configuration: HeraldConfiguration, dependencies: HeraldDependencies) -> OutboxWorker {
    let metrics = dependencies.metrics
    var worker = OutboxWorker(
        store: dependencies.store, transport: dependencies.transport,
        policy: OutboxDeliveryPolicy(
            lease: .seconds(configuration.outboxLeaseSeconds), maxAttempts: configuration.outboxMaxAttempts,
            initialBackoff: .seconds(configuration.outboxRetrySeconds),
            concurrency: configuration.smtpPoolSize, stallLimit: configuration.relayStallLimit),
        logger: dependencies.logger,
        now: dependencies.now, onResult: { metrics.delivery(kind: $0, state: $1) })
    worker.bounces = makeBounceService(configuration: configuration, dependencies: dependencies)
    worker.wake = dependencies.outboxWake
    worker.verp = makeVERPSigner(configuration: configuration, dependencies: dependencies)
    return worker
}

/// The subscription service for this configuration.
public func makeSubscriptionService(
    configuration: HeraldConfiguration, dependencies: HeraldDependencies
) throws -> SubscriptionService {
    let site = SiteContext(
        siteName: configuration.siteName, baseURL: configuration.baseURL, honeypotField: configuration.web.honeypotField
    )
    let composer = TemplateMailComposer(
        templates: dependencies.templates, site: site,
        builder: NewsletterMessageBuilder(site: site, sender: try Mailbox(parsing: configuration.mailFrom)),
        confirmationHours: Int(configuration.signup.confirmationLifetime.components.seconds / 3600),
        now: dependencies.now, clicks: ClickLinkSigner(secret: dependencies.manageLinkSecret))
    return SubscriptionService(
        store: dependencies.store, composer: composer, policy: configuration.signup,
        signer: ManageLinkSigner(keys: dependencies.manageLinkKeys), newsletters: configuration.newsletters,
        now: dependencies.now, webhooks: makeWebhookPublisher(configuration: configuration))
}

/// The email validation policy, with the configured disposable-domain list.
package enum EmailPolicyFactory {
    package static func make(_ configuration: HeraldConfiguration) throws -> EmailValidationPolicy {
        guard let file = configuration.disposableDomainsFile else { return .default }
        do {
            return EmailValidationPolicy(blockedDomains: try DisposableDomainList(contentsOfFile: file))
        } catch {
            throw ConfigurationError("disposable_domains_file: cannot read \(file): \(error)")
        }
    }
}
