import HeraldCore
import HeraldMail
import HeraldWebhooks

/// The bounce service for this configuration (suppression policy from `bounce_soft_*`).
public func makeBounceService(configuration: HeraldConfiguration, dependencies: HeraldDependencies) -> BounceService {
    let metrics = dependencies.metrics
    return BounceService(
        store: dependencies.store, policy: configuration.bounces, logger: dependencies.logger, now: dependencies.now,
        onForgedTag: { metrics.forgedBounceTag() })
}

/// The VERP signer when `bounce_address` is configured (keyed with the installation's stored secret).
public func makeVERPSigner(configuration: HeraldConfiguration, dependencies: HeraldDependencies) -> VERPSigner? {
    configuration.bounceAddress.map { VERPSigner(address: $0, secret: dependencies.manageLinkSecret) }
}

/// The webhook worker for the configured endpoints (libcurl POSTs, retry rules from `webhook_*`).
public func makeWebhookWorker(
    configuration: HeraldConfiguration, dependencies: HeraldDependencies,
    transport: (any WebhookTransport)? = nil
) -> WebhookWorker {
    WebhookWorker(
        store: dependencies.store,
        transport: transport ?? CurlWebhookTransport(addressPolicy: configuration.outboundAddresses),
        endpoints: configuration.webhooks.endpoints,
        policy: OutboxDeliveryPolicy(
            batchSize: 16, lease: .seconds(60), maxAttempts: configuration.webhooks.maxAttempts,
            initialBackoff: .seconds(configuration.webhooks.retrySeconds), concurrency: 4),
        logger: dependencies.logger, now: dependencies.now)
}

/// The publisher that queues webhook events in the transactions of subscription changes.
package func makeWebhookPublisher(configuration: HeraldConfiguration) -> WebhookPublisher {
    WebhookPublisher(endpoints: configuration.webhooks.endpoints)
}
