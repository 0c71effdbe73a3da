import HeraldCore
import Hummingbird

/// Lets a request through only with a configured admin token (`Authorization: Bearer <token>`),
/// recording the token's name in `context.adminActor`. Without any configured token every request
/// gets `403 admin_api_disabled`; a missing or wrong token gets `401` with `WWW-Authenticate: Bearer`.
/// A client (IP as `ClientAddressResolver` works it out, the same as for signups) that sent too
/// many wrong tokens gets `429` with `Retry-After` for every admin request until its lockout ends
/// (see `FailureLimiter`). Tokens are never logged.
public struct AdminAuthMiddleware: RouterMiddleware {
    public typealias Context = HeraldRequestContext
    let credentials: AdminCredentials
    let limiter: FailureLimiter
    let clients: ClientAddressResolver

    init(credentials: AdminCredentials, limiter: FailureLimiter, clients: ClientAddressResolver) {
        self.credentials = credentials
        self.limiter = limiter
        self.clients = clients
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard credentials.isEnabled else { throw AdminError.disabled }
        let client = clients.clientIP(peer: context.remoteAddress, headers: request.headers)
        if let seconds = await limiter.retryAfter(client) { throw AdminError.lockedOut(retryAfter: seconds) }
        let authorization = request.headers[.authorization]
        guard let name = credentials.name(forAuthorization: authorization) else {
            if authorization != nil { await limiter.recordFailure(client) }
            throw AdminError.unauthorized
        }
        await limiter.recordSuccess(client)
        var authenticated = context
        authenticated.adminActor = name
        return try await next(request, authenticated)
    }
}

extension HeraldRequestContext {
    /// The authenticated admin token's name; only admin routes (behind `AdminAuthMiddleware`) call this.
    var actor: String { adminActor ?? "unknown" }
}
