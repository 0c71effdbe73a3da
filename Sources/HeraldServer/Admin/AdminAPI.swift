import HeraldApp
import HeraldCore
import Hummingbird
import Logging

/// The admin HTTP API under `/api/v1` (see `openapi/admin.json`).
public enum AdminAPI {
    /// The `/api/v1` route group: admin JSON errors, then bearer-token authentication with its
    /// failure limit. Routes added to it get both; `context.adminActor` names the token used.
    static func group(
        on router: Router<HeraldRequestContext>, credentials: AdminCredentials, limiter: FailureLimiter,
        clients: ClientAddressResolver, logger: Logger
    ) -> RouterGroup<HeraldRequestContext> {
        router.group("/api/v1")
            .add(middleware: AdminErrorMiddleware(logger: logger))
            .add(middleware: AdminAuthMiddleware(credentials: credentials, limiter: limiter, clients: clients))
    }

    /// Largest admin request body (admin requests are authenticated; queued summaries may be long).
    static let maxBodyBytes = 256 * 1024

    /// Answers unsupported methods (`405`) and unknown paths (`404`) under `/api/v1` in the admin
    /// JSON shape. Call once, after every admin route is registered.
    public static func finish(on router: Router<HeraldRequestContext>) {
        router.add(middleware: AdminMethodGuard(routes: router.routes))
    }

    /// Serves the OpenAPI document (no token needed) and registers every admin endpoint; returns the
    /// authenticated group so other features can add their routes. `limiter` counts wrong tokens
    /// (shared with the operator console's sign-in).
    @discardableResult
    static func register(
        on router: Router<HeraldRequestContext>, configuration: HeraldConfiguration, dependencies: HeraldDependencies,
        service: SubscriptionService, emailPolicy: EmailValidationPolicy, limiter: FailureLimiter
    ) -> RouterGroup<HeraldRequestContext> {
        router.get("/api/v1/openapi.json") { _, _ in AdminOpenAPIDocument.response }
        let group = Self.group(
            on: router, credentials: AdminCredentials(tokens: configuration.adminTokens), limiter: limiter,
            clients: ClientAddressResolver(policy: configuration.web), logger: dependencies.logger)
        let store = dependencies.store
        let newsletters = configuration.newsletters
        let cursors = PageCursor(secret: dependencies.manageLinkSecret)
        let limit = max(configuration.web.maxBodyBytes, maxBodyBytes)
        AdminSubscribersController(
            store: store, service: service, emailPolicy: emailPolicy, newsletters: newsletters, cursors: cursors,
            maxBodyBytes: limit
        ).register(on: group)
        AdminSubscriptionController(service: service, maxBodyBytes: limit).register(on: group)
        AdminPrivacyController(
            administration: SubscriberAdministration(
                store: store, now: dependencies.now, webhooks: makeWebhookPublisher(configuration: configuration))
        ).register(on: group)
        AdminNewslettersController(store: store, newsletters: newsletters).register(on: group)
        AdminDigestsController(
            store: store, newsletters: newsletters, cursors: cursors, maxBodyBytes: limit, now: dependencies.now
        ).register(on: group)
        AdminStatsController(store: store, newsletters: newsletters, now: dependencies.now).register(on: group)
        AdminReportController(store: store, newsletters: newsletters, now: dependencies.now).register(on: group)
        AdminAuditController(store: store, cursors: cursors).register(on: group)
        return group
    }
}
