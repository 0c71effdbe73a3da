import HTTPTypes
import HeraldCore
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import Testing

@testable import HeraldServer

/// The outbox is woken only once a state-changing response has been written, so a signup that
/// queued mail does not share its own response time with the start of that mail's delivery.
@Suite("Outbox wake after the response")
struct OutboxWakeOrderTests {
    /// Collects what the response body writes.
    struct CollectingWriter: ResponseBodyWriter {
        let written: LockedBox<[UInt8]>
        mutating func write(_ buffer: ByteBuffer) async throws {
            written.withValue { $0 += Array(buffer.readableBytesView) }
        }
        mutating func write(contentsOf buffers: some Sequence<ByteBuffer>) async throws {
            for buffer in buffers { try await write(buffer) }
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    func respond(_ method: HTTPRequest.Method, status: HTTPResponse.Status, signal: WakeSignal) async throws -> Response
    {
        let context = HeraldRequestContext(
            source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: Logger(label: "test")))
        let request = Request(
            head: HTTPRequest(method: method, scheme: "http", authority: "x", path: "/subscribe"),
            body: .init(buffer: ByteBuffer()))
        return try await OutboxWakeMiddleware(signal: signal).handle(request, context: context) { _, _ in
            Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(string: "thank you")))
        }
    }

    /// Whether the signal had been rung: a ring is kept for the next wait, which then returns at once.
    func wasRung(_ signal: WakeSignal) async -> Bool {
        let started = ContinuousClock.now
        await signal.wait(upTo: .seconds(3))
        return started.duration(to: .now) < .milliseconds(1_500)
    }

    @Test func aPostRingsOnlyAfterItsBodyIsWrittenAndTheBodyIsUnchanged() async throws {
        let signal = WakeSignal()
        let response = try await respond(.post, status: .seeOther, signal: signal)
        #expect(await wasRung(signal) == false)
        let written = LockedBox<[UInt8]>([])
        try await response.body.write(CollectingWriter(written: written))
        #expect(await wasRung(signal))
        #expect(String(decoding: written.value, as: UTF8.self) == "thank you")
        #expect(response.body.contentLength == 9)
    }

    @Test func readsAndServerErrorsNeverRing() async throws {
        let signal = WakeSignal()
        for (method, status) in [(HTTPRequest.Method.get, HTTPResponse.Status.ok), (.post, .internalServerError)] {
            let response = try await respond(method, status: status, signal: signal)
            try await response.body.write(CollectingWriter(written: LockedBox([])))
        }
        #expect(await wasRung(signal) == false)
    }
}
