import HeraldCore
import Hummingbird
import NIOCore

/// `GET /healthz`: 200 when the database answers within two seconds, 503 otherwise.
struct HealthController<Context: RequestContext>: Sendable {
    let store: any SubscriberStore
    var limit: Duration = .seconds(2)

    func register(on router: Router<Context>) {
        router.get("/healthz") { _, _ in await check() }
    }

    private func check() async -> Response {
        let healthy = await answersWithin(limit)
        return Response(
            status: healthy ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: healthy ? "ok\n" : "database unavailable\n")))
    }

    /// Whether `ping` succeeds before `limit` passes; a hanging database never holds the probe.
    private func answersWithin(_ limit: Duration) async -> Bool {
        let answered = LockedBox(false)
        return await withCheckedContinuation { continuation in
            @Sendable func finish(_ healthy: Bool) {
                let first = answered.withValue { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(returning: healthy) }
            }
            Task { [store] in finish((try? await store.ping()) != nil) }
            Task {
                try? await Task.sleep(for: limit)
                finish(false)
            }
        }
    }
}
