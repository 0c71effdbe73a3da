import Crypto
import Foundation

/// Opaque, tamper-evident pagination cursors for keyset pagination on an id.
///
/// A cursor is `base64url(id) "." base64url(HMAC-SHA256(key, "cursor:" scope ":" id)[0..<16])`.
/// Clients cannot forge or edit one, and a cursor from one listing (`scope`) is refused by another.
public struct PageCursor: Sendable {
    /// Why a cursor was refused.
    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let reason: String
        public var description: String { "invalid cursor: \(reason)" }
    }

    private let keyBytes: [UInt8]

    /// A codec keyed with `secret` (a server-side secret that is never shown to clients).
    public init(secret: String) {
        keyBytes = Array(SHA256.hash(data: Array("herald page cursor\u{0}\(secret)".utf8)))
    }

    /// The cursor pointing after `id` in listing `scope`.
    public func encode(_ id: Int64, scope: String) -> String {
        let payload = String(id)
        return Base64URL.encode(Array(payload.utf8)) + "." + Base64URL.encode(tag(payload, scope))
    }

    /// The id inside `cursor`, when it is genuine and belongs to `scope`.
    public func decode(_ cursor: String, scope: String) throws(Invalid) -> Int64 {
        guard cursor.utf8.count <= 128 else { throw Invalid(reason: "too long") }
        let parts = cursor.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payloadBytes = Base64URL.decode(String(parts[0])),
            let tagBytes = Base64URL.decode(String(parts[1]))
        else { throw Invalid(reason: "not a cursor from this API") }
        let payload = String(decoding: payloadBytes, as: UTF8.self)
        guard ConstantTime.equal(tagBytes, tag(payload, scope)) else {
            throw Invalid(reason: "the cursor was altered or belongs to another listing")
        }
        guard let id = Int64(payload), id >= 0 else { throw Invalid(reason: "malformed position") }
        return id
    }

    private func tag(_ payload: String, _ scope: String) -> [UInt8] {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array("cursor:\(scope):\(payload)".utf8), using: SymmetricKey(data: keyBytes))
        return Array(Array(mac).prefix(16))
    }
}

extension Base64URL {
    /// The bytes of unpadded base64url `text`, or nil when it is not base64url.
    static func decode(_ text: String) -> [UInt8]? {
        guard !text.isEmpty, text.utf8.allSatisfy(isAlphabet) else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.utf8.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map(Array.init)
    }
}
