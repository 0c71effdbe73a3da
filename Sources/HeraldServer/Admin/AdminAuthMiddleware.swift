import HeraldCore
import Hummingbird

/// Lets a request through only with a configured admin token (`Authorization: Bearer <token>`),
/// recording the token's name in `context.adminActor`. Without any configured token every request
/// gets `403 admin_api_disabled`; a missing or wrong token gets `401` with `WWW-Authenticate: Bearer`.
/// Tokens are never logged.
public struct AdminAuthMiddleware: RouterMiddleware {
    public typealias Context = HeraldRequestContext
    let credentials: AdminCredentials

    public init(credentials: AdminCredentials) { self.credentials = credentials }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard credentials.isEnabled else { throw AdminError.disabled }
        guard let name = credentials.name(forAuthorization: request.headers[.authorization]) else {
            throw AdminError.unauthorized
        }
        var authenticated = context
        authenticated.adminActor = name
        return try await next(request, authenticated)
    }
}

extension HeraldRequestContext {
    /// The authenticated admin token's name; only admin routes (behind `AdminAuthMiddleware`) call this.
    var actor: String { adminActor ?? "unknown" }
}
