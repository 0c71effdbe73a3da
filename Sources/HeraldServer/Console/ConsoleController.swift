import Foundation
import HeraldCore
import HeraldTemplates
import Hummingbird

/// The operator console under `/admin`: sign-in with an admin token (wrong tokens count towards
/// the admin API's lockout), a server-side session in the database (shared by every `herald
/// serve`), an anti-forgery token bound to the session on every form, sign-out, and the
/// dashboard. Every page works without JavaScript (forms post and redirect). Changes go through
/// the same Core services as the admin API, which audit them in the same transaction.
struct ConsoleController: Sendable {
    let store: any SubscriberStore
    let services: ConsoleServices
    let credentials: AdminCredentials
    let operatorNames: Set<String>
    let limiter: FailureLimiter
    let clients: ClientAddressResolver
    let templates: TemplateLibrary
    let site: SiteContext
    let newsletters: [Newsletter]
    let csrf: ConsoleCSRF
    let cursors: PageCursor
    let cookies: ConsoleCookies
    let limits: ConsoleSessionLimits
    let maxBodyBytes: Int
    let now: @Sendable () -> Date

    func register(on router: Router<HeraldRequestContext>) {
        router.get("/admin") { request, _ in try await dashboard(request) }
        router.get("/admin/sign-in") { request, _ in
            let query = request.uri.queryParameters
            return signInPage(
                problem: query.get("ended") == "1" ? .sessionEnded : nil,
                next: query.get("next").flatMap(ConsoleNextPage.validated) ?? "/admin")
        }
        router.post("/admin/sign-in") { request, context in try await signIn(request, context) }
        router.post("/admin/sign-out") { request, _ in try await signOut(request) }
        registerAddSubscriber(on: router)
        registerSubscribers(on: router)
        registerSubscriberActions(on: router)
        registerNextIssue(on: router)
        registerDigests(on: router)
        registerMail(on: router)
        registerImport(on: router)
        registerAudit(on: router)
        router.get("/admin/settings") { request, _ in try await settings(request) }
    }

    // MARK: Sessions

    /// The request's live session, or nil (signed out, expired, or its token was removed).
    func session(of request: Request) async throws -> ConsoleSession? {
        guard let id = ConsoleCookies.value(ConsoleCookies.session, in: request) else { return nil }
        let hash = TokenSecret(parsing: id)?.hash ?? ""
        return try await ConsoleSessionService(store: store, now: now)
            .use(idHash: hash, limits: limits, operatorNames: operatorNames)
    }

    private func signInPage(
        problem: ConsoleSignInPage.Problem?, status: HTTPResponse.Status = .ok, next: String = "/admin"
    ) -> Response {
        let pre = TokenSecret.generate()
        let page = ConsoleSignInPage(site: site, csrf: csrf.token(sessionHash: pre.hash), problem: problem, next: next)
        return ConsoleResponses.html(
            templates.consoleSignInPage(page), status: status,
            cookies: [cookies.setCookie(ConsoleCookies.signIn, pre.text, maxAge: 3600)])
    }

    private func signIn(_ incoming: Request, _ context: HeraldRequestContext) async throws -> Response {
        var request = incoming
        guard let body = try? await request.collectBody(upTo: maxBodyBytes),
            let fields = try? FormBody.parse(Array(buffer: body))
        else { return signInPage(problem: .staleForm, status: .badRequest) }
        let field = { (name: String) in fields.first { $0.name == name }?.value }
        let next = field("next").flatMap(ConsoleNextPage.validated) ?? "/admin"
        guard let pre = ConsoleCookies.value(ConsoleCookies.signIn, in: request).flatMap(TokenSecret.init(parsing:)),
            csrf.matches(field("csrf"), sessionHash: pre.hash)
        else { return signInPage(problem: .staleForm, status: .forbidden) }
        let client = clients.clientIP(peer: context.remoteAddress, headers: request.headers)
        if let seconds = await limiter.retryAfter(client) {
            var response = signInPage(problem: .wrongToken, status: .tooManyRequests, next: next)
            response.headers[.retryAfter] = "\(seconds)"
            return response
        }
        guard let token = field("token"), token.utf8.count <= 512, let name = credentials.name(for: token) else {
            await limiter.recordFailure(client)
            return signInPage(problem: .wrongToken, status: .unauthorized, next: next)
        }
        await limiter.recordSuccess(client)
        return try await startSession(operatorName: name, next: next)
    }

    private func startSession(operatorName: String, next: String) async throws -> Response {
        let id = TokenSecret.generate()
        try await ConsoleSessionService(store: store, now: now).open(idHash: id.hash, operatorName: operatorName)
        return ConsoleResponses.redirect(
            to: site.baseURL + next,
            cookies: [
                cookies.setCookie(ConsoleCookies.session, id.text, maxAge: Int(limits.absolute)),
                cookies.setCookie(ConsoleCookies.signIn, "", maxAge: 0),
            ])
    }

    private func signOut(_ request: Request) async throws -> Response {
        try await posted(request) { session, _ in try await endSession(session) }
    }

    private func endSession(_ session: ConsoleSession) async throws -> Response {
        try await ConsoleSessionService(store: store, now: now).close(session)
        return ConsoleResponses.redirect(
            to: site.baseURL + "/admin/sign-in", cookies: [cookies.setCookie(ConsoleCookies.session, "", maxAge: 0)])
    }

    // MARK: Dashboard

    private func dashboard(_ request: Request) async throws -> Response {
        guard let session = try await session(of: request) else { return signInRedirect(request) }
        let requested = request.uri.queryParameters.get("days")
        guard let days = requested.map({ Int($0) }) ?? 30, ConsoleDashboardPage.ranges.contains(days) else {
            return badRequest("Choose 30, 90 or 365 days.")
        }
        let figures = try await ConsoleDashboardFigures(store: store, newsletters: newsletters, now: now())
            .page(
                site: site, operatorName: session.operatorName, csrf: csrf.token(sessionHash: session.idHash),
                days: days)
        return ConsoleResponses.html(templates.consoleDashboardPage(figures))
    }
}
