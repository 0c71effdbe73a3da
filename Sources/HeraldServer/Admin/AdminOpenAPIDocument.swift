import HTTPTypes
import HeraldDefaults
import Hummingbird
import NIOCore

/// The admin API's OpenAPI 3 document (`openapi/admin.json`, built into the binary by the
/// `EmbedDefaults` plugin), served at `GET /api/v1/openapi.json`.
enum AdminOpenAPIDocument {
    /// The document as a response.
    static var response: Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: BuiltInFiles.openAPIDocument)))
    }
}
