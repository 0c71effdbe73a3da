import Logging
import NIOCore

/// The whole-request deadline of one connection: from the first byte of a request until its body
/// has been read in full. A client that takes longer (for example one trickling a byte at a time,
/// each just inside the idle timeout) has its connection closed.
///
/// The clock runs only while a request is being received: not while the server works on it or
/// writes the response, and not while a kept-alive connection waits for its next request (the idle
/// timeout governs that). Confined to the connection's event loop, like the handlers that share it.
final class RequestDeadline: @unchecked Sendable {
    private enum Phase {
        /// Waiting for the first byte of the next request.
        case awaitingRequest
        /// Bytes of a request have arrived; its end has not.
        case receiving(Scheduled<Void>)
        /// The request has been read; the server is answering it.
        case answering
    }

    private let limit: TimeAmount
    private let logger: Logger
    private var phase = Phase.awaitingRequest

    /// A deadline of `limit` per request.
    init(limit: TimeAmount, logger: Logger) {
        self.limit = limit
        self.logger = logger
    }

    /// Bytes arrived on the connection: starts the clock when they begin a request.
    func bytesArrived(context: ChannelHandlerContext) {
        guard case .awaitingRequest = phase else { return }
        let channel = context.channel
        let limit = limit
        let logger = logger
        let timer = context.eventLoop.scheduleTask(in: limit) {
            logger.notice(
                "closing a connection whose request was not complete within the request deadline",
                metadata: ["deadline_seconds": "\(limit.nanoseconds / 1_000_000_000)"])
            channel.close(promise: nil)
        }
        phase = .receiving(timer)
    }

    /// The request's end has been read: stops the clock.
    func requestReceived() {
        if case .receiving(let timer) = phase { timer.cancel() }
        phase = .answering
    }

    /// The response's end has been written: the next byte starts a new request.
    func responseSent() {
        if case .receiving = phase { return }  // a pipelined request is already under way
        phase = .awaitingRequest
    }

    /// The connection closed: nothing more to time.
    func connectionClosed() {
        if case .receiving(let timer) = phase { timer.cancel() }
        phase = .answering
    }
}
