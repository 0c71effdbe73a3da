import HTTPTypes
import HeraldCore
import HeraldTemplates
import Hummingbird
import Logging

/// Limits guessing of link tokens: a client whose confirmation, unsubscribe or preferences links
/// keep naming unknown tokens (`404` from those routes) is locked out of them with `429` and
/// `Retry-After` (see `FailureLimiter`), without its tokens being looked up. Tokens carry 256 random
/// bits, so guessing one is hopeless anyway; this keeps a scanner from trying at full speed and
/// makes it visible in the log. Other routes pass untouched.
struct LinkGuessLimitMiddleware: RouterMiddleware {
    typealias Context = HeraldRequestContext
    static let guardedPrefixes = ["/confirm/", "/unsubscribe/", "/preferences/"]
    let limiter: FailureLimiter
    let clients: ClientAddressResolver
    let pages: PageRenderer
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard Self.guardedPrefixes.contains(where: { path.hasPrefix($0) }) else {
            return try await next(request, context)
        }
        let client = clients.clientIP(peer: context.remoteAddress, headers: request.headers)
        if let seconds = await limiter.retryAfter(client) {
            return lockedOut(retryAfter: seconds, language: pages.languages.of(request))
        }
        let response = try await next(request, context)
        switch response.status {
        case .notFound:
            if await limiter.recordFailure(client) {
                logger.warning("too many unknown link tokens; client locked out", metadata: ["client": "\(client)"])
            }
        case let status where status.kind == .successful:
            await limiter.recordSuccess(client)
        default:
            break
        }
        return response
    }

    private func lockedOut(retryAfter seconds: Int, language: String) -> Response {
        Responses.html(pages.error(status: 429, reason: .links, language: language), status: .tooManyRequests)
            .with(.retryAfter, "\(seconds)")
    }
}
