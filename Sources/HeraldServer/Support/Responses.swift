import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Small builders for the responses Herald sends.
enum Responses {
    /// The reader pages' policy: their own script (the signup challenge), forms may post anywhere
    /// (embedded forms), never framed.
    static let pagePolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
        + "form-action *; frame-ancestors 'none'"

    static func html(
        _ body: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:],
        contentSecurityPolicy: String = pagePolicy, referrerPolicy: String = "no-referrer"
    ) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = "no-store"
        fields[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        fields[HTTPField.Name("Referrer-Policy")!] = referrerPolicy
        fields[.contentSecurityPolicy] = contentSecurityPolicy
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func redirect(to location: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.location] = location
        fields[.cacheControl] = "no-store"
        return Response(status: .seeOther, headers: fields)
    }

    static func text(_ body: [UInt8], contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// The JSON error body: `{"errors":[{"field","code","message","suggestion"}]}`.
struct ErrorBody: Encodable {
    let errors: [SignupFieldProblem]

    static func general(_ code: String, _ message: String) -> ErrorBody {
        ErrorBody(errors: [SignupFieldProblem(field: "request", code: code, message: message)])
    }
}
