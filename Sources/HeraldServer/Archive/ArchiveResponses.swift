import HTTPTypes
import Hummingbird
import NIOCore

/// Responses of the public archive: cacheable, and allowed to show the articles' images.
enum ArchiveResponses {
    /// An archive page: the usual page headers, but article images from any https host and a
    /// short public cache lifetime (the page holds nothing personal; its language follows
    /// `Accept-Language`, hence `Vary`).
    static func page(_ html: String) -> Response {
        var response = Responses.html(html)
        response.headers[.cacheControl] = "public, max-age=300"
        response.headers[HTTPField.Name("Vary")!] = "Accept-Language"
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; form-action *; "
            + "frame-ancestors 'none'"
        return response
    }

    /// The Atom feed.
    static func feed(_ xml: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "application/atom+xml; charset=utf-8", .cacheControl: "public, max-age=300",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(string: xml)))
    }
}
