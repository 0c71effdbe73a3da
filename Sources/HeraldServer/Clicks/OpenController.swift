import Foundation
import HTTPTypes
import HeraldApp
import HeraldCore
import Hummingbird
import NIOCore

/// `GET /o/{id}` and `HEAD /o/{id}`: an issue's open pixel (newsletters with `opens: true`).
/// Answers a 1x1 transparent GIF with `no-store` at once and hands the load to the recorder, so
/// the answer does not depend on the database; an id this installation did not sign answers the
/// 404 page and counts nothing. `HEAD` and scanner, prefetch and proxy user agents count as
/// `filtered`. The id names the issue only; nothing about the reader is kept.
struct OpenController: Sendable {
    let signer: ClickLinkSigner
    let recorder: ClickRecorder
    let now: @Sendable () -> Date

    /// A 1x1 transparent GIF89a (43 bytes).
    static let pixel: [UInt8] = [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF,
        0xFF, 0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
        0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ]

    func register(on router: Router<HeraldRequestContext>) {
        router.get("/o/:id") { request, context in try load(request, context, head: false) }
        router.head("/o/:id") { request, context in try load(request, context, head: true) }
    }

    private func load(_ request: Request, _ context: HeraldRequestContext, head: Bool) throws -> Response {
        guard let raw = context.parameters.get("id"), let issue = signer.verifyOpen(raw) else {
            throw HTTPError(.notFound)
        }
        let filtered = head || ScannerUserAgents.isScanner(request.headers[.userAgent])
        recorder.recordOpen(issueID: issue, time: now(), filtered: filtered)
        return Response(
            status: .ok,
            headers: [
                .contentType: "image/gif", .cacheControl: "no-store", .contentLength: String(Self.pixel.count),
                HTTPField.Name("Referrer-Policy")!: "no-referrer",
            ],
            body: head ? .init() : .init(byteBuffer: ByteBuffer(bytes: Self.pixel)))
    }
}
