import Foundation
import HTTPTypes
import HeraldChallenge
import HeraldCore
import Hummingbird
import NIOCore

/// `GET /challenge` (a fresh signup challenge, ALTCHA format) and `GET /challenge.js` (Herald's
/// own solver, read from the templates folder at start-up: no build step, no CDN).
struct ChallengeController: Sendable {
    let gate: ChallengeGate
    let cors: CORSPolicy
    let script: [UInt8]

    /// Reads `assets/challenge.js` from the templates folder.
    static func loadScript(templates: String) throws -> [UInt8] {
        let path = (templates.hasSuffix("/") ? String(templates.dropLast()) : templates) + "/assets/challenge.js"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("templates: the challenge solver \(path) is missing or unreadable")
        }
        return Array(data)
    }

    func register(on router: Router<HeraldRequestContext>) {
        router.get("/challenge") { request, _ in
            Responses.json(gate.issue(), status: .ok, headers: cors.headers(for: request))
        }
        router.get("/challenge.js") { _, _ in
            Response(
                status: .ok,
                headers: [
                    .contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600",
                    HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: script)))
        }
    }
}
