import Foundation
import HeraldApp
import HeraldCore
import HeraldTemplates
import Hummingbird
import Logging

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
    for service in try makeBackgroundServices(configuration: configuration, dependencies: dependencies) {
        app.addServices(service)
    }
    return app
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
        newsletters: configuration.newsletters, languages: pages.languages
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
        intake: BounceReportIntake(
            store: dependencies.store,
            service: makeBounceService(configuration: configuration, dependencies: dependencies),
            now: dependencies.now),
        verp: makeVERPSigner(configuration: configuration, dependencies: dependencies),
        maxBodyBytes: max(configuration.web.maxBodyBytes, 1_048_576), now: dependencies.now
    ).register(on: adminRoutes)
    AdminAPI.finish(on: router)
    return router
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
