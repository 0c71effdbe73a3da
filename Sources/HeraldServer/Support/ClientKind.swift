import HTTPTypes
import Hummingbird

/// Whether a request wants HTML pages (a browser posting a form) or JSON (a fetch() call).
enum ClientKind {
    case browser
    case api

    init(_ request: Request) {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let accept = request.headers[.accept]?.lowercased() ?? ""
        if contentType.hasPrefix("application/json") {
            self = .api
        } else if accept.contains("application/json") && !accept.contains("text/html") {
            self = .api
        } else {
            self = .browser
        }
    }
}
