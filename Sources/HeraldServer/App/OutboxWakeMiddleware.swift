import HeraldCore
import Hummingbird

/// Rings the outbox worker's wake signal after every state-changing request (anything but GET, HEAD
/// and OPTIONS) that did not fail: such a request may have queued mail in its transaction, which is
/// committed by the time the handler returns, so the worker sends it now rather than after its poll
/// interval. A ring that finds nothing due costs one claim query.
///
/// It rings once the response has been written, not before: a signup that queued mail would
/// otherwise have its delivery start while its own response is still being sent, and answer more
/// slowly than one that queued none (a timing tell of whether the address was known).
struct OutboxWakeMiddleware: RouterMiddleware {
    typealias Context = HeraldRequestContext
    let signal: WakeSignal

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        guard ![.get, .head, .options].contains(request.method), response.status.code < 500 else { return response }
        let (body, signal) = (response.body, signal)
        response.body = ResponseBody(contentLength: body.contentLength) { writer in
            defer { signal.ring() }
            try await body.write(writer)
        }
        return response
    }
}
