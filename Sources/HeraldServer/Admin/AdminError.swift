import HTTPTypes
import HeraldCore
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
    /// The request field at fault, for a field error (`language`).
    var field: String? = nil
    /// The values the field may take, when they are few (the offered languages).
    var offered: [String]? = nil

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

    /// `422 unknown_language` on `field`, listing the languages that may be asked for.
    static func unknownLanguage(_ error: UnknownLanguageError, field: String = "language") -> AdminError {
        AdminError(
            status: .unprocessableContent, code: "unknown_language",
            message:
                "'\(field)' must be one of the languages offered: \(error.offered.joined(separator: ", ")) (got '\(AdminText.preview(error.requested))').",
            field: field, offered: error.offered)
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
            AdminErrorBody(error: .init(code: code, message: message, field: field, offered: offered)), status: status,
            headers: headers)
    }
}

/// `{"error": {"code": "...", "message": "..."}}`.
struct AdminErrorBody: Encodable {
    struct Detail: Encodable {
        let code: String
        let message: String
        /// Present on field errors that name their field.
        let field: String?
        /// Present when the field's allowed values are listed.
        let offered: [String]?
    }

    let error: Detail
}
