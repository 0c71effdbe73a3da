import HeraldCore
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
struct HealthController<Context: RequestContext>: Sendable {
    let store: any SubscriberStore

    func register(on router: Router<Context>) {
        router.get("/healthz") { _, _ in try await check() }
    }

    private func check() async throws -> Response {
        do {
            try await store.ping()
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        } catch {
            return Response(status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "database unavailable\n")))
        }
    }
}
