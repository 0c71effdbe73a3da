import Foundation
import HeraldCore
import HeraldMail
import HeraldTemplates
import Logging

/// The dependency container every command opens from the configuration (store, templates, mail
/// transport, metrics, manage-link keys, clock); `buildApplication` and `DigestWiring` take it, tests
/// build it with test configuration.
public struct HeraldDependencies: Sendable {
    public var store: any SubscriberStore
    public var templates: TemplateLibrary
    public var transport: any MailTransport
    public var metrics: HeraldMetrics
    public var logger: Logger
    /// Manage-link keys from the key ring, newest (signing) first.
    public var manageLinkKeys: [String]
    /// The signing manage-link key (also keys admin page cursors).
    public var manageLinkSecret: String { manageLinkKeys[0] }
    public var now: @Sendable () -> Date
    /// Rung after requests that may have queued mail; wakes the outbox worker of `serve`.
    public var outboxWake = WakeSignal()
    /// Counts tracked-link clicks in memory; `serve` flushes it to the store.
    package let clickRecorder: ClickRecorder

    public init(
        store: any SubscriberStore, templates: TemplateLibrary, transport: any MailTransport,
        metrics: HeraldMetrics = HeraldMetrics(), logger: Logger, manageLinkSecret: String,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.init(
            store: store, templates: templates, transport: transport, metrics: metrics, logger: logger,
            manageLinkKeys: [manageLinkSecret], now: now)
    }

    /// Dependencies with a manage-link key ring: the first key signs, all verify.
    public init(
        store: any SubscriberStore, templates: TemplateLibrary, transport: any MailTransport,
        metrics: HeraldMetrics = HeraldMetrics(), logger: Logger, manageLinkKeys: [String],
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.templates = templates
        self.transport = transport
        self.metrics = metrics
        self.logger = logger
        self.manageLinkKeys = manageLinkKeys
        self.now = now
        clickRecorder = ClickRecorder(store: store, logger: logger, now: now)
    }

    /// Opens everything the configuration names: database (migrated), templates, mail transport.
    /// `sqlitePageCacheKiB` as in ``StoreFactory/open(_:sqlitePageCacheKiB:)``.
    public static func open(_ configuration: HeraldConfiguration, logger: Logger, sqlitePageCacheKiB: Int? = nil)
        async throws -> HeraldDependencies
    {
        try OutboundURLCheck.verify(configuration)
        let (store, keys) = try await StoreFactory.open(configuration, sqlitePageCacheKiB: sqlitePageCacheKiB)
        let templates = try TemplateLibrary(overrides: configuration.templates)
        if let folder = templates.directory {
            logger.notice(
                "templates: built in, \(templates.overridden.count) file(s) overridden from \(folder)",
                metadata: ["overridden": .array(templates.overridden.map { .string($0) })])
        }
        try CatalogCheck.verify(templates.catalogs, newsletters: configuration.newsletters, logger: logger)
        let transport = try MailTransportFactory.make(configuration, logger: logger)
        return HeraldDependencies(
            store: store, templates: templates, transport: transport, logger: logger,
            manageLinkKeys: keys.manageLinkKeys)
    }
}
