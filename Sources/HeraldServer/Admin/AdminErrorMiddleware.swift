import HTTPTypes
import HeraldCore
import Hummingbird
import Logging

/// Turns every error escaping an admin handler into the admin JSON error shape: refusals keep
/// their status, store outages become 503, anything unexpected a logged 500 with no details.
struct AdminErrorMiddleware: RouterMiddleware {
    typealias Context = HeraldRequestContext
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return map(error, request).response
        }
    }

    private func map(_ error: any Error, _ request: Request) -> AdminError {
        switch error {
        case let error as AdminError: return error
        case let error as AdminActionError: return Self.map(error)
        case let error as AdministrationError:
            return .notFound("subscriber_not_found", error.description)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return AdminError(
                status: .contentTooLarge, code: "body_too_large", message: "The request body is too large.")
        case let error as HTTPError:
            return AdminError(
                status: error.status, code: "http_\(error.status.code)",
                message: error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError where error.status.code < 500:
            return AdminError(
                status: error.status, code: "http_\(error.status.code)", message: error.status.reasonPhrase)
        case let error as StoreError where error.isUnavailable:
            logger.error("admin API: database unavailable", metadata: ["error": "\(error)"])
            return AdminError(
                status: .serviceUnavailable, code: "unavailable",
                message: "The database is unavailable; try again shortly.")
        case let error as StoreError where error.isDuplicate:
            return .conflict("conflict", "This already exists.")
        default:
            logger.error("admin API request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return AdminError(
                status: .internalServerError, code: "internal_error",
                message: "Something went wrong; see the server log.")
        }
    }

    static func map(_ error: AdminActionError) -> AdminError {
        switch error {
        case .subscriberNotFound: .notFound("subscriber_not_found", error.description)
        case .subscriptionNotFound: .notFound("subscription_not_found", error.description)
        case .unknownNewsletter: .invalid("unknown_newsletter", error.description)
        case .suppressed: .conflict("suppressed", error.description)
        case .unsupportedChange: .invalid("unsupported_change", error.description)
        }
    }
}
