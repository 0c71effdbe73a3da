import Foundation
import HeraldCore
import HeraldMail
import HeraldTemplates
import Hummingbird
import Logging

/// The services `buildApplication` wires together; tests build them with test configuration.
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
    let clickRecorder: ClickRecorder

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
    public static func open(_ configuration: HeraldConfiguration, logger: Logger) async throws -> HeraldDependencies {
        try OutboundURLCheck.verify(configuration)
        let (store, keys) = try await StoreFactory.open(configuration)
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

/// The HTTP application plus the outbox worker, for `herald serve`.
public func buildApplication(
    configuration: HeraldConfiguration, dependencies: HeraldDependencies
) throws -> some ApplicationProtocol {
    let router = try buildRouter(configuration: configuration, dependencies: dependencies)
    var app = Application(
        router: router,
        server: .http1(
            idleTimeout: .seconds(Int64(configuration.web.idleTimeoutSeconds)),
            requestDeadline: .seconds(Int64(configuration.web.requestDeadlineSeconds))),
        configuration: .init(
            address: .hostname(configuration.listenHost, port: configuration.listenPort), serverName: "Herald"),
        onServerRunning: { channel in
            dependencies.logger.info(
                "Herald is listening", metadata: ["address": "\(channel.localAddress?.description ?? "?")"])
        },
        logger: dependencies.logger
    )
    app.addServices(
        OutboxService(worker: makeOutboxWorker(configuration: configuration, dependencies: dependencies)),
        HousekeepingService(
            service: try makeSubscriptionService(configuration: configuration, dependencies: dependencies),
            outboxReview: OutboxReview(store: dependencies.store, now: dependencies.now), interval: .seconds(3600),
            reminderInterval: HousekeepingService.reminderInterval(for: configuration.signup.reminderAfter),
            outboxWake: dependencies.outboxWake, logger: dependencies.logger),
        WebhookService(worker: makeWebhookWorker(configuration: configuration, dependencies: dependencies)),
        ClickService(recorder: dependencies.clickRecorder, interval: .seconds(1)))
    return app
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

/// Builds the router with every endpoint.
public func buildRouter(
    configuration: HeraldConfiguration, dependencies: HeraldDependencies
) throws -> Router<HeraldRequestContext> {
    let service = try makeSubscriptionService(configuration: configuration, dependencies: dependencies)
    let site = SiteContext(
        siteName: configuration.siteName, baseURL: configuration.baseURL, honeypotField: configuration.web.honeypotField
    )
    let metrics = dependencies.metrics
    let gate = ChallengeGate(
        settings: configuration.challenge, secret: dependencies.manageLinkSecret, store: dependencies.store,
        metrics: metrics, logger: dependencies.logger,
        mailsPerDayUnderAttack: configuration.signup.mailsPerDay(kind: .confirmation, underAttack: true),
        now: dependencies.now)
    let pages = PageRenderer(
        templates: dependencies.templates, site: site, newsletters: configuration.newsletters, challenge: gate)
    let clients = ClientAddressResolver(policy: configuration.web)
    let cors = CORSPolicy(allowedOrigins: configuration.web.allowedOrigins)
    let emailPolicy = try EmailPolicyFactory.make(configuration)
    let router = Router(context: HeraldRequestContext.self)
    router.add(middleware: ErrorPageMiddleware(pages: pages, logger: dependencies.logger))
    router.add(middleware: OutboxWakeMiddleware(signal: dependencies.outboxWake))
    router.add(
        middleware: LinkGuessLimitMiddleware(
            limiter: FailureLimiter(policy: configuration.linkGuessing), clients: clients, pages: pages,
            logger: dependencies.logger))
    HealthController(store: dependencies.store).register(on: router)
    PagesController(pages: pages, metrics: metrics, store: dependencies.store).register(on: router)
    ClickController(
        signer: ClickLinkSigner(secret: dependencies.manageLinkSecret), recorder: dependencies.clickRecorder,
        clients: clients, now: dependencies.now
    ).register(on: router)
    OpenController(
        signer: ClickLinkSigner(secret: dependencies.manageLinkSecret), recorder: dependencies.clickRecorder,
        now: dependencies.now
    ).register(on: router)
    ArchiveController(
        store: dependencies.store, renderer: ArchiveRenderer(templates: dependencies.templates, site: site),
        newsletters: configuration.newsletters
    ).register(on: router)
    SignupController(
        service: service, validator: SignupValidator(newsletters: configuration.newsletters, emailPolicy: emailPolicy),
        pages: pages, web: configuration.web, cors: cors,
        rateLimiter: RateLimiter(
            burst: configuration.web.rateLimitBurst, perMinute: configuration.web.rateLimitPerMinute),
        clients: clients, metrics: metrics, gate: gate
    ).register(on: router)
    ChallengeController(
        gate: gate, cors: cors, script: try ChallengeController.loadScript(templates: dependencies.templates)
    ).register(on: router)
    ConfirmController(service: service, pages: pages, clients: clients, metrics: metrics).register(on: router)
    ManageController(
        service: service, pages: pages, clients: clients, metrics: metrics, maxBodyBytes: configuration.web.maxBodyBytes
    ).register(on: router)
    let adminLimiter = FailureLimiter(policy: configuration.adminAuth)
    let adminRoutes = AdminAPI.register(
        on: router, configuration: configuration, dependencies: dependencies, service: service,
        emailPolicy: emailPolicy, limiter: adminLimiter)
    if configuration.adminConsole, !configuration.adminTokens.isEmpty {
        makeConsoleController(
            configuration: configuration, dependencies: dependencies, site: site, limiter: adminLimiter,
            clients: clients, service: service, emailPolicy: emailPolicy
        ).register(on: router)
    }
    BounceReportsController(
        store: dependencies.store, service: makeBounceService(configuration: configuration, dependencies: dependencies),
        verp: makeVERPSigner(configuration: configuration, dependencies: dependencies),
        maxBodyBytes: max(configuration.web.maxBodyBytes, 1_048_576), now: dependencies.now
    ).register(on: adminRoutes)
    AdminAPI.finish(on: router)
    return router
}

/// The email validation policy, with the configured disposable-domain list.
enum EmailPolicyFactory {
    static func make(_ configuration: HeraldConfiguration) throws -> EmailValidationPolicy {
        guard let file = configuration.disposableDomainsFile else { return .default }
        do {
            return EmailValidationPolicy(blockedDomains: try DisposableDomainList(contentsOfFile: file))
        } catch {
            throw ConfigurationError("disposable_domains_file: cannot read \(file): \(error)")
        }
    }
}

/// The operator console for this configuration (sessions keyed by the manage-link secret).
func makeConsoleController(
    configuration: HeraldConfiguration, dependencies: HeraldDependencies, site: SiteContext, limiter: FailureLimiter,
    clients: ClientAddressResolver, service: SubscriptionService, emailPolicy: EmailValidationPolicy
) -> ConsoleController {
    let services = ConsoleServices(
        subscriptions: service,
        administration: SubscriberAdministration(
            store: dependencies.store, now: dependencies.now,
            webhooks: makeWebhookPublisher(configuration: configuration)),
        outboxReview: OutboxReview(store: dependencies.store, now: dependencies.now),
        digestQueue: DigestQueueService(store: dependencies.store, now: dependencies.now),
        issueRetry: DigestIssueRetry(store: dependencies.store, now: dependencies.now),
        imports: ConsoleImportJobs(), audit: AuditTrail(store: dependencies.store, now: dependencies.now),
        uploadLimit: configuration.consoleUploadMaxBytes,
        digestPreview: { newsletter in
            try await DigestWiring(configuration: configuration, dependencies: dependencies)
                .preview(newsletter, options: DigestSendOptions())
        },
        emailPolicy: emailPolicy,
        settings: ConsoleSettingsSummary.sections(configuration))
    return ConsoleController(
        store: dependencies.store, services: services, credentials: AdminCredentials(tokens: configuration.adminTokens),
        operatorNames: Set(configuration.adminTokens.keys), limiter: limiter, clients: clients,
        templates: dependencies.templates, site: site, newsletters: configuration.newsletters,
        csrf: ConsoleCSRF(secret: dependencies.manageLinkSecret),
        cursors: PageCursor(secret: dependencies.manageLinkSecret),
        cookies: ConsoleCookies(secure: configuration.baseURL.lowercased().hasPrefix("https://")),
        limits: configuration.consoleSessions, maxBodyBytes: 16 * 1024, now: dependencies.now)
}
