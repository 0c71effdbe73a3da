import HTTPTypes
import Hummingbird
import NIOCore

/// Responses of the operator console: never cached, never framed, no script at all, forms only
/// to this origin, and the referrer kept within the site.
enum ConsoleResponses {
    static let policy =
        "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func html(_ body: String, status: HTTPResponse.Status = .ok, cookies: [String] = []) -> Response {
        var fields: HTTPFields = [HTTPField.Name("X-Frame-Options")!: "DENY"]
        for cookie in cookies { fields.append(HTTPField(name: .setCookie, value: cookie)) }
        return Responses.html(
            body, status: status, headers: fields, contentSecurityPolicy: policy, referrerPolicy: "same-origin")
    }

    /// A file to save (`Content-Disposition: attachment`), with the same headers as the pages.
    static func download(_ bytes: [UInt8], contentType: String, fileName: String) -> Response {
        var response = html("", status: .ok)
        response.headers[.contentType] = contentType
        response.headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        response.body = .init(byteBuffer: ByteBuffer(bytes: bytes))
        return response
    }

    static func redirect(to location: String, cookies: [String] = []) -> Response {
        var fields: HTTPFields = [.location: location, .cacheControl: "no-store"]
        for cookie in cookies { fields.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: fields)
    }
}
