import HTTPTypes
import HeraldCore
import Hummingbird
import Logging

/// Turns errors that escape a handler into a friendly page or JSON: 503 when the database is
/// unavailable, 404 for unknown paths, 500 otherwise (details only in the log).
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = HeraldRequestContext
    let pages: PageRenderer
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            return page(error.status, error.body ?? error.status.reasonPhrase, request)
        } catch let error as StoreError where error.isUnavailable {
            logger.error("database unavailable", metadata: ["error": "\(error)"])
            return page(
                .serviceUnavailable, "We cannot take your request right now. Please, try again in a minute.", request
            )
            .with(.retryAfter, "30")
        } catch {
            logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return page(.internalServerError, "Something went wrong on our side. Please, try again later.", request)
        }
    }

    private func page(_ status: HTTPResponse.Status, _ message: String, _ request: Request) -> Response {
        switch ClientKind(request) {
        case .api: return Responses.json(ErrorBody.general("http_\(status.code)", message), status: status)
        case .browser: return Responses.html(pages.error(status: Int(status.code), message: message), status: status)
        }
    }
}

extension Response {
    func with(_ name: HTTPField.Name, _ value: String) -> Response {
        var copy = self
        copy.headers[name] = value
        return copy
    }
}
