import Foundation
import HTTPTypes
import HeraldApp
import HeraldChallenge
import HeraldCore
import HeraldTemplates
import Hummingbird
import NIOCore

/// `GET /challenge` (a fresh signup challenge, ALTCHA format) and `GET /challenge.js` (Herald's
/// own solver, built in or from the overrides folder: no build step, no CDN).
struct ChallengeController: Sendable {
    let gate: ChallengeGate
    let cors: CORSPolicy
    let script: [UInt8]

    /// `assets/challenge.js`: the override when the templates folder has one, else the built-in one.
    static func loadScript(templates: TemplateLibrary) throws -> [UInt8] {
        guard let script = templates.asset("assets/challenge.js") else {
            throw ConfigurationError("templates: the challenge solver assets/challenge.js is missing")
        }
        return script
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
