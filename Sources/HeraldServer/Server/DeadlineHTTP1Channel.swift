import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 child channel with a whole-request deadline on top of its idle timeout.
struct DeadlineHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let responder: HTTPChannelHandler.Responder
    let idleTimeout: TimeAmount
    let requestDeadline: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let deadline = RequestDeadline(limit: requestDeadline, logger: logger)
        let http = HTTP1Channel(
            responder: responder,
            configuration: .init(
                additionalChannelHandlers: [RequestBoundaryWatcher(deadline: deadline)], idleTimeout: idleTimeout))
        do {
            try channel.pipeline.syncOperations.addHandler(RequestBytesWatcher(deadline: deadline))
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return http.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await HTTP1Channel(responder: responder).handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with an idle timeout and a whole-request deadline.
    static func http1(idleTimeout: TimeAmount, requestDeadline: TimeAmount) -> HTTPServerBuilder {
        .init { responder in
            DeadlineHTTP1Channel(responder: responder, idleTimeout: idleTimeout, requestDeadline: requestDeadline)
        }
    }
}
