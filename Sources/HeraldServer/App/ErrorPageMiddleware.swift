import HTTPTypes
import HeraldCore
import Hummingbird
import Logging

/// Turns errors that escape a handler into a friendly page or JSON in the reader's language
/// (`error.<status>` of the catalogs): 503 when the database is unavailable, 404 for unknown paths,
/// 500 otherwise (details only in the log). An `HTTPError`'s own text is not shown: it is English
/// and written for developers.
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
            return page(error.status, request)
        } catch let error as StoreError where error.isUnavailable {
            logger.error("database unavailable", metadata: ["error": "\(error)"])
            return page(.serviceUnavailable, request).with(.retryAfter, "30")
        } catch {
            logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return page(.internalServerError, request)
        }
    }

    private func page(_ status: HTTPResponse.Status, _ request: Request) -> Response {
        let language = pages.languages.of(request)
        switch ClientKind(request) {
        case .api:
            let message = pages.errorMessage(status: Int(status.code), language: language)
            return Responses.json(ErrorBody.general("http_\(status.code)", message), status: status)
        case .browser:
            return Responses.html(pages.error(status: Int(status.code), language: language), status: status)
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
