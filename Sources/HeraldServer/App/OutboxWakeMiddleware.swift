import HeraldCore
import Hummingbird

/// Rings the outbox worker's wake signal after every state-changing request (anything but GET, HEAD
/// and OPTIONS) that did not fail: such a request may have queued mail in its transaction, which is
/// committed by the time the handler returns, so the worker sends it now rather than after its poll
/// interval. A ring that finds nothing due costs one claim query.
struct OutboxWakeMiddleware: RouterMiddleware {
    typealias Context = HeraldRequestContext
    let signal: WakeSignal

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let response = try await next(request, context)
        if ![.get, .head, .options].contains(request.method), response.status.code < 500 {
            signal.ring()
        }
        return response
    }
}
