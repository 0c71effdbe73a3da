import HTTPTypes
import Hummingbird
import NIOCore

/// Responses of the operator console: never cached, never framed, no script at all, forms only
/// to this origin, and the referrer kept within the site.
enum ConsoleResponses {
    static func html(_ body: String, status: HTTPResponse.Status = .ok, cookies: [String] = []) -> Response {
        var fields: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("X-Frame-Options")!: "DENY",
            HTTPField.Name("Referrer-Policy")!: "same-origin",
            .contentSecurityPolicy:
                "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ]
        for cookie in cookies { fields.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
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
