import Foundation
import HTTPTypes
import Hummingbird

/// Cross-origin rules for `POST /subscribe` and which redirect targets are honoured.
struct CORSPolicy: Sendable {
    let allowedOrigins: Set<String>

    init(allowedOrigins: [String]) {
        self.allowedOrigins = Set(allowedOrigins.map { $0.lowercased() })
    }

    /// CORS headers for a request from an allowed origin; none otherwise (the browser then blocks it).
    func headers(for request: Request) -> HTTPFields {
        var fields: HTTPFields = [.vary: "Origin"]
        guard let origin = request.headers[.origin], allowedOrigins.contains(origin.lowercased()) else { return fields }
        fields[.accessControlAllowOrigin] = origin
        return fields
    }

    /// The answer to an `OPTIONS` preflight.
    func preflight(_ request: Request) -> Response {
        var fields = headers(for: request)
        if fields[.accessControlAllowOrigin] != nil {
            fields[.accessControlAllowMethods] = "POST, OPTIONS"
            fields[.accessControlAllowHeaders] = "Content-Type, Accept"
            fields[.accessControlMaxAge] = "600"
        }
        return Response(status: .noContent, headers: fields)
    }

    /// True when `target` is an absolute http(s) URL on an allowed origin (never an open redirect).
    func isAllowedRedirect(_ target: String) -> Bool {
        guard target.utf8.count <= 2048,
            !target.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }),
            let url = URLComponents(string: target), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = url.host?.lowercased(), !host.isEmpty,
            url.user == nil, url.password == nil
        else { return false }
        let origin = "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
        return allowedOrigins.contains(origin)
    }
}
