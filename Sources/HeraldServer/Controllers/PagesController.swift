import HTTPTypes
import HeraldApp
import HeraldCore
import Hummingbird

/// `GET /` (a demo news page with every newsletter's form), `GET /embed` (a copy-paste snippet)
/// and `GET /metrics` (Prometheus text).
struct PagesController: Sendable {
    let pages: PageRenderer
    let metrics: HeraldMetrics
    let store: any SubscriberStore

    func register(on router: Router<HeraldRequestContext>) {
        router.get("/") { request, _ in Responses.html(pages.index(language: pages.languages.of(request))) }
        router.get("/embed") { request, _ in
            Responses.html(
                pages.embed(slug: request.uri.queryParameters.get("newsletter")) {
                    pages.languages.of(request, for: $0)
                })
        }
        router.get("/metrics") { _, _ in try await renderMetrics() }
    }

    private func renderMetrics() async throws -> Response {
        if let summary = try? await QueueStatus(store: store).outbox() {
            for state in OutboxState.allCases { metrics.outboxDepth(state, summary.counts[state] ?? 0) }
        }
        return Responses.text(metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
}
