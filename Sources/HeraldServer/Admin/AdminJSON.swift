import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// JSON responses of the admin API: sorted keys, ISO 8601 dates, never cached.
enum AdminJSON {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:])
        -> Response
    {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        fields[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: encode(value))))
    }

    /// The JSON bytes of `value` as the admin API writes them.
    static func encode(_ value: some Encodable) -> [UInt8] {
        Array((try? encoder.encode(value)) ?? Data(#"{"error":{"code":"encoding_failed","message":"?"}}"#.utf8))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
