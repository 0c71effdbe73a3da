import HTTPTypes
import Hummingbird

/// An admin API refusal: an HTTP status plus the `{"error": {"code", "message"}}` body.
struct AdminError: Error, Sendable, Equatable {
    let status: HTTPResponse.Status
    /// Stable, machine-readable code (`unauthorized`, `invalid_field`, …).
    let code: String
    /// What went wrong and what to do, for the operator (no secrets, no personal data).
    let message: String
    /// Seconds for the `Retry-After` header, when the client should wait.
    var retryAfter: Int? = nil

    static func badRequest(_ code: String, _ message: String) -> AdminError {
        AdminError(status: .badRequest, code: code, message: message)
    }

    static func invalid(_ code: String, _ message: String) -> AdminError {
        AdminError(status: .unprocessableContent, code: code, message: message)
    }

    static func notFound(_ code: String, _ message: String) -> AdminError {
        AdminError(status: .notFound, code: code, message: message)
    }

    static func conflict(_ code: String, _ message: String) -> AdminError {
        AdminError(status: .conflict, code: code, message: message)
    }

    static let unauthorized = AdminError(
        status: .unauthorized, code: "unauthorized",
        message: "Send a valid admin token as 'Authorization: Bearer <token>'.")

    /// Too many wrong tokens from this client (`FailureLimiter`): `429` with `Retry-After`.
    static func lockedOut(retryAfter seconds: Int) -> AdminError {
        AdminError(
            status: .tooManyRequests, code: "too_many_failed_authentications",
            message: "Too many requests with a wrong admin token from this address; try again in \(seconds) seconds.",
            retryAfter: seconds)
    }

    static let disabled = AdminError(
        status: .forbidden, code: "admin_api_disabled",
        message: "The admin API is disabled: configure admin_token or admin_tokens to enable it.")

    /// The JSON response for this error.
    var response: Response {
        var headers: HTTPFields = [:]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"herald-admin\"" }
        if let retryAfter { headers[.retryAfter] = "\(retryAfter)" }
        return AdminJSON.response(
            AdminErrorBody(error: .init(code: code, message: message)), status: status, headers: headers)
    }
}

/// `{"error": {"code": "...", "message": "..."}}`.
struct AdminErrorBody: Encodable {
    struct Detail: Encodable {
        let code: String
        let message: String
    }

    let error: Detail
}
