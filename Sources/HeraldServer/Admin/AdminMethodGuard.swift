import HTTPTypes
import Hummingbird

/// Answers requests under `/api/v1` that no admin handler takes in the admin JSON shape: `405` with
/// an `Allow` header when the path exists with other methods, `404` otherwise.
///
/// Added to the router after every route, so it wraps only the router's not-found responder.
struct AdminMethodGuard: RouterMiddleware {
    typealias Context = HeraldRequestContext
    let routes: [(path: RouterPath, methods: [String])]

    init(routes: [Router<HeraldRequestContext>.RouteDescription]) {
        var grouped: [String: (path: RouterPath, methods: [String])] = [:]
        for route in routes where route.path.description.hasPrefix("/api/v1") {
            grouped[route.path.description, default: (route.path, [])].methods.append(route.method.rawValue)
        }
        self.routes = grouped.values.map { ($0.path, $0.methods.sorted()) }
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard path == "/api/v1" || path.hasPrefix("/api/v1/") else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let segments = path.split(separator: "/")
            guard let route = routes.first(where: { Self.matches($0.path, segments) }) else {
                return AdminError.notFound("not_found", "No such admin API endpoint; see /api/v1/openapi.json.")
                    .response
            }
            let allow = route.methods.joined(separator: ", ")
            var response = AdminError(
                status: .methodNotAllowed, code: "method_not_allowed", message: "Allowed methods: \(allow)."
            ).response
            response.headers[.allow] = allow
            return response
        }
    }

    private static func matches(_ path: RouterPath, _ segments: [Substring]) -> Bool {
        path.components.count == segments.count
            && zip(path.components, segments).allSatisfy { component, segment in component ~= segment }
    }
}
