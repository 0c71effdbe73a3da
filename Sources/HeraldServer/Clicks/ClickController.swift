import Foundation
import HTTPTypes
import HeraldApp
import HeraldCore
import Hummingbird

/// `GET /l/{id}` and `HEAD /l/{id}`: a tracked link. Answers `302` to the link's own URL at once
/// and hands the hit to the recorder; an id this installation did not sign answers the 404 page
/// and counts nothing. No database work happens on this path.
struct ClickController: Sendable {
    let signer: ClickLinkSigner
    let recorder: ClickRecorder
    let clients: ClientAddressResolver
    let now: @Sendable () -> Date

    func register(on router: Router<HeraldRequestContext>) {
        router.get("/l/:id") { request, context in try await follow(request, context, head: false) }
        router.head("/l/:id") { request, context in try await follow(request, context, head: true) }
    }

    private func follow(_ request: Request, _ context: HeraldRequestContext, head: Bool) async throws -> Response {
        guard let raw = context.parameters.get("id"), let target = signer.verify(raw) else {
            throw HTTPError(.notFound)
        }
        let ip = clients.clientIP(peer: context.remoteAddress, headers: request.headers)
        let scanner = head || ScannerUserAgents.isScanner(request.headers[.userAgent])
        recorder.record(
            ClickHit(target: target, time: now(), network: ClickNetwork.of(ip), filtered: scanner))
        return Response(
            status: .found,
            headers: [
                .location: target.url, .cacheControl: "no-store",
                HTTPField.Name("Referrer-Policy")!: "no-referrer",
            ])
    }
}
